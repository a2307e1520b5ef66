package dev.bulwark.secrets.detect;

/**
 * Finds {@code -----BEGIN <label>-----} ... {@code -----END <label>-----} blocks whose body is real key
 * material: at least 64 base64 characters once line breaks, string escapes ({@code \n}), quotes and
 * concatenation are removed and armour headers ({@code Proc-Type:}, {@code Comment:}) are dropped.
 * The candidate span is the whole block. Without an END marker a body of 256+ characters still counts
 * (a truncated key is still a leak). Hand-written, linear in the window.
 */
public final class PemBlockMatcher implements Matcher {

  private static final int MIN_BODY = 64;
  private static final int MIN_BODY_UNTERMINATED = 256;

  private final String begin;
  private final String end;

  public PemBlockMatcher(String label) {
    this.begin = "-----BEGIN " + label + "-----";
    this.end = "-----END " + label + "-----";
  }

  @Override
  public void find(Window w, Sink sink) {
    String t = w.text();
    int i = w.from();
    while (true) {
      int b = t.indexOf(begin, i);
      if (b < 0 || b >= w.to()) {
        return;
      }
      int bodyStart = b + begin.length();
      int e = t.indexOf(end, bodyStart);
      boolean terminated = e >= 0 && e <= w.to();
      int bodyEnd = terminated ? e : w.to();
      int body = countBody(t, bodyStart, bodyEnd);
      if (body >= (terminated ? MIN_BODY : MIN_BODY_UNTERMINATED)) {
        sink.candidate(b, terminated ? e + end.length() : bodyEnd);
        i = terminated ? e + end.length() : bodyEnd;
      } else {
        i = bodyStart;
      }
    }
  }

  /** Counts base64 characters of the body; returns -1 when something other than key material appears. */
  static int countBody(String t, int from, int to) {
    int count = 0;
    int i = from;
    while (i < to) {
      char c = t.charAt(i);
      if (c == '\\' && i + 1 < to && (t.charAt(i + 1) == 'n' || t.charAt(i + 1) == 'r')) {
        i += 2;
        continue;
      }
      if (isBase64(c)) {
        // an armour header line ("Proc-Type: 4,ENCRYPTED") is skipped to its end
        int j = i;
        while (j < to && (isBase64(t.charAt(j)) || t.charAt(j) == '-')) {
          j++;
        }
        if (j < to && t.charAt(j) == ':') {
          while (j < to && t.charAt(j) != '\n' && !(t.charAt(j) == '\\' && j + 1 < to && t.charAt(j + 1) == 'n')) {
            j++;
          }
          i = j;
          continue;
        }
        count += j - i;
        i = j;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'' || c == '+' || c == ','
          || c == '\\') {
        i++;
        continue;
      }
      return -1;
    }
    return count;
  }

  private static boolean isBase64(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '/' || c == '=';
  }
}
