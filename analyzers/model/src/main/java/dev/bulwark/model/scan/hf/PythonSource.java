package dev.bulwark.model.scan.hf;

/**
 * Blanks out comments and string literals of Python source (keeping line breaks and offsets), so that
 * call patterns are matched only in code. Linear time, no regular expressions.
 */
final class PythonSource {
  private PythonSource() {}

  static String codeOnly(String src) {
    StringBuilder out = new StringBuilder(src.length());
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (c == '#') {
        while (i < n && src.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '\'' || c == '"') {
        boolean triple = i + 2 < n && src.charAt(i + 1) == c && src.charAt(i + 2) == c;
        int q = triple ? 3 : 1;
        out.append(c);
        for (int k = 1; k < q; k++) out.append(c);
        i += q;
        while (i < n) {
          char d = src.charAt(i);
          if (d == '\\' && i + 1 < n) {
            out.append(' ').append(src.charAt(i + 1) == '\n' ? '\n' : ' ');
            i += 2;
            continue;
          }
          if (d == c && (!triple || (i + 2 < n && src.charAt(i + 1) == c && src.charAt(i + 2) == c))) {
            for (int k = 0; k < q; k++) out.append(c);
            i += q;
            break;
          }
          if (d == '\n' && !triple) {
            break;
          }
          out.append(d == '\n' ? '\n' : ' ');
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
