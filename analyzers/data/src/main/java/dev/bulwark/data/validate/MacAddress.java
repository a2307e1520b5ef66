package dev.bulwark.data.validate;

/** EUI-48 MAC addresses: {@code 00:1A:2B:3C:4D:5E}, {@code 00-1a-...}, or Cisco {@code 001a.2b3c.4d5e}. */
public final class MacAddress {

  private MacAddress() {}

  public static boolean isValid(CharSequence s) {
    if (s.length() == 17) {
      char sep = s.charAt(2);
      if (sep != ':' && sep != '-') {
        return false;
      }
      for (int i = 0; i < 17; i++) {
        char c = s.charAt(i);
        if (i % 3 == 2 ? c != sep : !IpAddresses.isHex(c)) {
          return false;
        }
      }
      return notDegenerate(s);
    }
    if (s.length() == 14) {
      for (int i = 0; i < 14; i++) {
        char c = s.charAt(i);
        if (i == 4 || i == 9 ? c != '.' : !IpAddresses.isHex(c)) {
          return false;
        }
      }
      return notDegenerate(s);
    }
    return false;
  }

  private static boolean notDegenerate(CharSequence s) {
    // 00:00:00:00:00:00 identifies nobody; FF:..:FF is broadcast
    return s.chars().filter(IpAddresses::isHexInt).distinct().count() > 1;
  }
}
