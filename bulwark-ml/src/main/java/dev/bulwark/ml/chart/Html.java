package dev.bulwark.ml.chart;

/** HTML text escaping for reports built from untrusted column names and values. */
public final class Html {
  private Html() {}

  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (ch < 0x20 && ch != '\n' && ch != '\t') {
            b.append(' ');
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.toString();
  }

  /** A file-name-safe version of a chart id. */
  public static String fileName(String id) {
    StringBuilder b = new StringBuilder();
    for (char ch : id.toCharArray()) {
      b.append(Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' ? ch : '_');
    }
    String s = b.toString();
    return s.length() > 100 ? s.substring(0, 100) : s;
  }
}
