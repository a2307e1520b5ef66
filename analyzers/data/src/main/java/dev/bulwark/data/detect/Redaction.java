package dev.bulwark.data.detect;

/**
 * Redacted samples for reports: letters and digits become {@code *} except the last two characters of
 * values of eight or more, separators stay, so the shape is visible and the value is not.
 */
public final class Redaction {

  private static final int MAX = 40;

  private Redaction() {}

  public static String sample(String value) {
    if (value == null) {
      return "";
    }
    String v = value.strip();
    int keep = v.length() >= 8 ? 2 : 0;
    StringBuilder b = new StringBuilder(Math.min(v.length(), MAX + 1));
    for (int i = 0; i < v.length() && b.length() < MAX; i++) {
      char c = v.charAt(i);
      boolean kept = i >= v.length() - keep;
      b.append(Character.isLetterOrDigit(c) && !kept ? '*' : Character.isISOControl(c) ? ' ' : c);
    }
    if (v.length() > MAX) {
      b.append('…');
    }
    return b.toString();
  }
}
