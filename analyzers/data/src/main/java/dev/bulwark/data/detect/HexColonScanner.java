package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;
import dev.bulwark.data.validate.IpAddresses;
import dev.bulwark.data.validate.MacAddress;
import java.util.List;

/** Runs of hex digits, colons, dots and dashes: IPv6 literals and MAC addresses. */
final class HexColonScanner {

  private HexColonScanner() {}

  static void scan(CharSequence t, List<Detection> out) {
    int n = t.length();
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      if (!(isHex(c) || c == ':') || !TextDetector.boundaryBefore(t, i) || (i > 0 && t.charAt(i - 1) == ':')) {
        i++;
        continue;
      }
      int e = i;
      int colons = 0;
      while (e < n && e - i < 64 && (isHex(t.charAt(e)) || t.charAt(e) == ':' || t.charAt(e) == '.' || t.charAt(e) == '-')) {
        if (t.charAt(e) == ':') {
          colons++;
        }
        e++;
      }
      int end = e;
      while (end > i && (t.charAt(end - 1) == '.' || t.charAt(end - 1) == '-')) {
        end--;
      }
      if (TextDetector.boundaryAfter(t, e) || e == end) {
        String v = t.subSequence(i, end).toString();
        if ((v.length() == 17 || v.length() == 14) && MacAddress.isValid(v)) {
          out.add(new Detection(PiiEntity.MAC_ADDRESS, i, end, TextDetector.withContext(PiiEntity.MAC_ADDRESS, 0.75, t, i, end)));
        } else if (colons >= 2 && IpAddresses.isIpv6(v)) {
          int groups = colons + 1;
          double base = v.contains("::") ? (groups >= 4 ? 0.7 : 0.35) : 0.85;
          out.add(new Detection(PiiEntity.IP_ADDRESS, i, end, TextDetector.withContext(PiiEntity.IP_ADDRESS, base, t, i, end)));
        }
      }
      i = Math.max(e, i + 1);
    }
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
