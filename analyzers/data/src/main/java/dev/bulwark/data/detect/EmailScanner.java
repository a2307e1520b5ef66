package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;
import java.util.List;

/** E-mail addresses: expands left and right of each {@code @} over bounded local-part and domain characters. */
final class EmailScanner {

  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;

  private EmailScanner() {}

  static void scan(CharSequence t, List<Detection> out) {
    int n = t.length();
    int lastEnd = 0;
    for (int at = 0; at < n; at++) {
      if (t.charAt(at) != '@' || at < lastEnd) {
        continue;
      }
      int s = at;
      while (s > 0 && at - s < MAX_LOCAL && isLocal(t.charAt(s - 1))) {
        s--;
      }
      while (s < at && (t.charAt(s) == '.' || t.charAt(s) == '-')) {
        s++;
      }
      int e = at + 1;
      while (e < n && e - at <= MAX_DOMAIN && isDomain(t.charAt(e))) {
        e++;
      }
      while (e > at + 1 && (t.charAt(e - 1) == '.' || t.charAt(e - 1) == '-')) {
        e--;
      }
      if (s == at || !validDomain(t, at + 1, e) || t.charAt(at - 1) == '.') {
        continue;
      }
      out.add(new Detection(PiiEntity.EMAIL, s, e, TextDetector.withContext(PiiEntity.EMAIL, 0.9, t, s, e)));
      lastEnd = e;
    }
  }

  private static boolean isLocal(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
  }

  private static boolean isDomain(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  }

  /** At least two labels, no empty label, labels at most 63 long, a TLD of 2+ letters. */
  private static boolean validDomain(CharSequence t, int from, int to) {
    if (to - from < 4) {
      return false;
    }
    int labels = 0;
    int labelStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || t.charAt(i) == '.') {
        int len = i - labelStart;
        if (len == 0 || len > 63 || t.charAt(labelStart) == '-' || t.charAt(i - 1) == '-') {
          return false;
        }
        labels++;
        if (i == to) {
          for (int k = labelStart; k < to; k++) {
            if (!Character.isLetter(t.charAt(k))) {
              return false;
            }
          }
          return labels >= 2 && len >= 2;
        }
        labelStart = i + 1;
      }
    }
    return false;
  }
}
