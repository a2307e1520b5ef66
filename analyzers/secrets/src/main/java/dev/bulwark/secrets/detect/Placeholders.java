package dev.bulwark.secrets.detect;

import java.util.List;
import java.util.Locale;

/**
 * Recognises documented example and placeholder values ({@code AKIAIOSFODNN7EXAMPLE}, {@code xxxx},
 * {@code changeme}, {@code <your-key>}, {@code ${VAR}}) so that they are never reported.
 */
public final class Placeholders {

  private static final List<String> MARKERS = List.of("example", "xxxx", "placeholder", "changeme", "change_me",
      "change-me", "dummy", "sample", "your_", "your-", "yourkey", "yourtoken", "yoursecret", "your ", "<", ">",
      "${", "{{", "}}", "%(", "%s", "redacted", "insert", "replace", "foobar", "todo", "_here", "-here",
      "0123456789", "1234567890", "abcdefghij", "...", "****", "•••", "secret_key_here", "not-a-real",
      "notreal", "not_real", "mytoken", "mysecret", "mypassword", "lorem");

  /** Values published in providers' documentation as examples (jwt.io's token, Stripe's test key). */
  private static final java.util.Set<String> DOCUMENTED = java.util.Set.of(
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
      "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
      "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
      "sk_test_51HqLyjWDarjtT1zdp7dc");

  private Placeholders() {}

  public static boolean isPlaceholder(String value) {
    if (DOCUMENTED.contains(value)) {
      return true;
    }
    String v = value.toLowerCase(Locale.ROOT);
    for (String m : MARKERS) {
      if (v.contains(m)) {
        return true;
      }
    }
    return hasLongRun(v) || lowDiversity(v);
  }

  /** Six or more equal characters in a row: {@code 000000}, {@code aaaaaa}. */
  static boolean hasLongRun(String v) {
    int run = 1;
    for (int i = 1; i < v.length(); i++) {
      run = v.charAt(i) == v.charAt(i - 1) ? run + 1 : 1;
      if (run >= 6) {
        return true;
      }
    }
    return false;
  }

  /** A long value made of very few distinct characters is a pattern, not a key. */
  static boolean lowDiversity(String v) {
    if (v.length() < 16) {
      return false;
    }
    long distinct = v.chars().distinct().count();
    return distinct < 7;
  }
}
