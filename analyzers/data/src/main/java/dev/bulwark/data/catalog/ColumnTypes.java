package dev.bulwark.data.catalog;

import dev.bulwark.data.detect.Dates;
import java.util.Locale;
import java.util.Set;

/** Infers a column type from text values: boolean, integer, double, date, string (widening as values come). */
final class ColumnTypes {

  /** What pandas reads as a missing value by default (R writes NA, pandas NaN, databases NULL). */
  private static final Set<String> MISSING = Set.of("#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
      "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");
  private static final Set<String> INFINITE = Set.of("inf", "+inf", "-inf", "infinity", "+infinity", "-infinity");

  private ColumnTypes() {}

  static String widen(String current, String value) {
    if (value == null || value.isBlank() || MISSING.contains(value.strip())) {
      return current;
    }
    String t = of(value);
    if (current == null || current.equals(t)) {
      return t;
    }
    if ((current.equals("integer") && t.equals("double")) || (current.equals("double") && t.equals("integer"))) {
      return "double";
    }
    return "string";
  }

  static String of(String v) {
    String s = v.strip();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return "boolean";
    }
    if (isInteger(s)) {
      return "integer";
    }
    if (isDouble(s) || INFINITE.contains(s.toLowerCase(Locale.ROOT))) {
      return "double";
    }
    if (Dates.isDate(s)) {
      return "date";
    }
    return "string";
  }

  private static boolean isInteger(String s) {
    int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    if (i >= s.length() || s.length() > 19) {
      return false;
    }
    for (; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDouble(String s) {
    if (s.length() > 40) {
      return false;
    }
    boolean digit = false;
    boolean dot = false;
    boolean exp = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        digit = true;
      } else if (c == '.' && !dot && !exp) {
        dot = true;
      } else if ((c == 'e' || c == 'E') && digit && !exp) {
        exp = true;
        digit = false;
      } else if ((c == '-' || c == '+') && (i == 0 || s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')) {
        continue;
      } else {
        return false;
      }
    }
    return digit;
  }
}
