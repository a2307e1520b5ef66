package dev.bulwark.data.detect;

/**
 * Calendar dates in the common numeric layouts: {@code 1990-04-16}, {@code 1990/04/16}, {@code 16/04/1990},
 * {@code 4/16/1990}, {@code 16.04.1990}, {@code 16-04-1990}, optionally followed by a time. Day-first and
 * month-first are both accepted; the year must be 4 digits between 1880 and 2100.
 */
public final class Dates {

  private Dates() {}

  public static boolean isDate(String s) {
    String v = s.strip();
    int t = v.indexOf('T');
    if (t < 0) {
      t = v.indexOf(' ');
    }
    if (t > 0) {
      v = v.substring(0, t);
    }
    if (v.length() < 8 || v.length() > 10) {
      return false;
    }
    char sep = 0;
    int[] parts = new int[3];
    int[] widths = new int[3];
    int p = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        parts[p] = parts[p] * 10 + (c - '0');
        widths[p]++;
      } else if ((c == '-' || c == '/' || c == '.') && (sep == 0 || sep == c) && p < 2 && widths[p] > 0) {
        sep = c;
        p++;
      } else {
        return false;
      }
    }
    if (p != 2 || widths[2] == 0) {
      return false;
    }
    if (widths[0] == 4 && widths[1] <= 2 && widths[2] <= 2) {
      return year(parts[0]) && month(parts[1]) && day(parts[2]);
    }
    if (widths[2] == 4 && widths[0] <= 2 && widths[1] <= 2) {
      return year(parts[2]) && ((month(parts[0]) && day(parts[1])) || (month(parts[1]) && day(parts[0])));
    }
    return false;
  }

  private static boolean year(int y) {
    return y >= 1880 && y <= 2100;
  }

  private static boolean month(int m) {
    return m >= 1 && m <= 12;
  }

  private static boolean day(int d) {
    return d >= 1 && d <= 31;
  }
}
