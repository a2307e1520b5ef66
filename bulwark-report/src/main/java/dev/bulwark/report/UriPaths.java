package dev.bulwark.report;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of relative paths for URIs (RFC 3986 path segments; {@code /} kept). */
final class UriPaths {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriPaths() {}

  static String encodePath(String path) {
    StringBuilder b = new StringBuilder(path.length() + 8);
    for (byte raw : path.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if (isUnreserved(c) || c == '/') {
        b.append((char) c);
      } else {
        b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return b.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
