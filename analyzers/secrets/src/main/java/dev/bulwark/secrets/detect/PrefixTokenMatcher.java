package dev.bulwark.secrets.detect;

/**
 * Hand-written matcher for the most common shape: a literal, case-sensitive prefix followed by a run of
 * characters from one set, between {@code min} and {@code max} long, not glued to other word characters
 * on either side. Linear in the window length.
 */
public final class PrefixTokenMatcher implements Matcher {

  public static final String ALNUM = "A-Za-z0-9";
  public static final String ALNUM_DASH = "A-Za-z0-9_-";
  public static final String HEX = "0-9a-f";

  private final String prefix;
  private final boolean[] body = new boolean[128];
  private final int min;
  private final int max;

  /** @param charset ranges in regex-class notation without brackets, e.g. {@code A-Za-z0-9_-} */
  public PrefixTokenMatcher(String prefix, String charset, int min, int max) {
    if (prefix.isEmpty() || min < 1 || max < min) {
      throw new IllegalArgumentException("bad token shape: '" + prefix + "' " + min + ".." + max);
    }
    this.prefix = prefix;
    this.min = min;
    this.max = max;
    for (int i = 0; i < charset.length(); i++) {
      char c = charset.charAt(i);
      if (i + 2 < charset.length() && charset.charAt(i + 1) == '-') {
        for (char x = c; x <= charset.charAt(i + 2); x++) {
          body[x] = true;
        }
        i += 2;
      } else {
        body[c] = true;
      }
    }
  }

  @Override
  public void find(Window w, Sink sink) {
    String t = w.text();
    int to = w.to();
    int i = w.from();
    while (true) {
      int p = t.indexOf(prefix, i);
      if (p < 0 || p + prefix.length() > to) {
        return;
      }
      i = p + 1;
      // glued on the left: a word character, or '-' inside a base64url run (a pip RECORD's sha256 digest
      // "...qaN-fw_htIg..." is not a Fireworks key)
      if (p > 0 && (isWordChar(t.charAt(p - 1)) || t.charAt(p - 1) == '-' && p > 1 && isWordChar(t.charAt(p - 2)))) {
        continue;
      }
      int s = p + prefix.length();
      int e = s;
      while (e < to && e - s <= max && inBody(t.charAt(e))) {
        e++;
      }
      int n = e - s;
      if (n < min || n > max) {
        continue;
      }
      if (e < t.length() && isWordChar(t.charAt(e)) && !inBody(t.charAt(e))) {
        continue;
      }
      sink.candidate(p, e);
      i = e;
    }
  }

  private boolean inBody(char c) {
    return c < 128 && body[c];
  }

  private static boolean isWordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }
}
