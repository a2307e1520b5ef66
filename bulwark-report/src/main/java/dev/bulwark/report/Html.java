package dev.bulwark.report;

/** HTML escaping for text and quoted attribute values; everything from a scan passes through here. */
final class Html {
  private Html() {}

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        case '`' -> "&#96;";
        default -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f ? "\uFFFD" : null;
      };
      if (rep != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (rep != null) {
          b.append(rep);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }

  /** Only plain web links become anchors; {@code javascript:}, {@code data:} and the rest stay text. */
  static boolean isWebLink(String url) {
    String u = url.trim().toLowerCase(java.util.Locale.ROOT);
    return (u.startsWith("https://") || u.startsWith("http://")) && url.chars().noneMatch(c -> c < 0x21);
  }
}
