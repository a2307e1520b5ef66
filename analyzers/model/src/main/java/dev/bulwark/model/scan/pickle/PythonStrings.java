package dev.bulwark.model.scan.pickle;

/** Decodes the text forms of protocol-0 strings (STRING's quoted repr, UNICODE's raw-unicode-escape). */
final class PythonStrings {
  private PythonStrings() {}

  static String unquote(String line, long off) throws PickleFormatException {
    String s = line.strip();
    if (s.length() < 2 || s.charAt(0) != s.charAt(s.length() - 1) || (s.charAt(0) != '\'' && s.charAt(0) != '"')) {
      throw new PickleFormatException(off, "STRING argument is not quoted");
    }
    String body = s.substring(1, s.length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        out.append(c);
        continue;
      }
      char e = body.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int end = i;
          while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') end++;
          out.append((char) Integer.parseInt(body.substring(i, end), 8));
          i = end - 1;
        }
        case 'x' -> {
          if (i + 2 < body.length() + 0 && isHex(body, i + 1, 2)) {
            out.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
            i += 2;
          } else {
            throw new PickleFormatException(off, "bad \\x escape in STRING");
          }
        }
        case '\n' -> { }
        default -> {
          if (e == '\\' || e == '\'' || e == '"') {
            out.append(e);
          } else {
            out.append('\\').append(e);
          }
        }
      }
    }
    return out.toString();
  }

  static String rawUnicodeEscape(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 5 < line.length() + 0 && line.charAt(i + 1) == 'u' && isHex(line, i + 2, 4)) {
        out.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
        i += 5;
      } else if (c == '\\' && i + 9 < line.length() + 0 && line.charAt(i + 1) == 'U' && isHex(line, i + 2, 8)) {
        out.appendCodePoint(Integer.parseInt(line.substring(i + 2, i + 10), 16));
        i += 9;
      } else {
        out.append(c);
      }
    }
    // the line was decoded as latin-1; raw-unicode-escape text is latin-1 plus escapes
    return out.toString();
  }

  private static boolean isHex(String s, int from, int n) {
    if (from + n > s.length()) {
      return false;
    }
    for (int i = from; i < from + n; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
