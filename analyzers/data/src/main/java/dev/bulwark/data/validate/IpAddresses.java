package dev.bulwark.data.validate;

/** Hand-written IPv4 and IPv6 literal parsers (no DNS, no regex). */
public final class IpAddresses {

  private IpAddresses() {}

  /** Dotted-quad IPv4 without leading zeros beyond a single 0. */
  public static boolean isIpv4(CharSequence s) {
    int parts = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      int start = i;
      int value = 0;
      while (i < n && Character.isDigit(s.charAt(i))) {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
        if (i - start > 3) {
          return false;
        }
      }
      int len = i - start;
      if (len == 0 || value > 255 || (len > 1 && s.charAt(start) == '0')) {
        return false;
      }
      parts++;
      if (i < n) {
        if (s.charAt(i) != '.' || parts == 4) {
          return false;
        }
        i++;
        if (i == n) {
          return false;
        }
      }
    }
    return parts == 4;
  }

  /** RFC 4291 text form, with "::" compression and an optional embedded IPv4 tail; no zone id. */
  public static boolean isIpv6(String s) {
    int n = s.length();
    if (n < 2 || n > 45) {
      return false;
    }
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    int groups = 0;
    int i = 0;
    if (s.startsWith("::")) {
      i = 2;
    } else if (s.charAt(0) == ':') {
      return false;
    }
    while (i < n) {
      int start = i;
      while (i < n && isHex(s.charAt(i))) {
        i++;
      }
      if (i < n && s.charAt(i) == '.') {
        // embedded IPv4 must be last and counts as two groups
        if (!isIpv4(s.substring(start))) {
          return false;
        }
        groups += 2;
        i = n;
        break;
      }
      int len = i - start;
      if (len == 0 || len > 4) {
        return false;
      }
      groups++;
      if (i < n) {
        if (s.charAt(i) != ':') {
          return false;
        }
        i++;
        if (i < n && s.charAt(i) == ':') {
          i++;
        } else if (i == n) {
          return false;
        }
      }
    }
    return doubleColon >= 0 ? groups < 8 : groups == 8;
  }

  static boolean isHexInt(int c) {
    return isHex((char) c);
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
