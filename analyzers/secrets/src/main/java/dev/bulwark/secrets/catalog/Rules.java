package dev.bulwark.secrets.catalog;

import dev.bulwark.model.Severity;
import dev.bulwark.secrets.detect.Detector;
import dev.bulwark.secrets.detect.Matcher;
import dev.bulwark.secrets.detect.PrefixTokenMatcher;
import dev.bulwark.secrets.detect.Re2Matcher;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Shorthands for the catalogue's data entries. */
final class Rules {

  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private Rules() {}

  /** {@code prefix} + {@code min..max} characters of {@code charset}; the prefix is the prefilter keyword. */
  static Detector.Builder token(String slug, String title, Severity severity, String prefix, String charset, int min,
      int max) {
    return Detector.builder(slug, title, severity)
        .keywords(prefix.toLowerCase(Locale.ROOT))
        .matcher(new PrefixTokenMatcher(prefix, charset, min, max))
        .window(0, prefix.length() + max + 2)
        .about(title + ": the literal prefix `" + prefix + "` followed by " + (min == max ? min : min + " to " + max)
            + " characters from `[" + charset + "]`.");
  }

  /** An RE2 pattern (group 1 is the secret, or the whole match) anchored by literal keywords. */
  static Detector.Builder regex(String slug, String title, Severity severity, String regex, String... keywords) {
    return Detector.builder(slug, title, severity)
        .keywords(keywords)
        .matcher(new Re2Matcher(regex))
        .window(256, 1024)
        .about(title + ": matched by the linear-time pattern `" + regex.replace("`", "\\`") + "`.");
  }

  /**
   * A value of shape {@code valueRegex} assigned to a name mentioning one of {@code names} (which are also the
   * prefilter keywords): for formats without a distinctive prefix.
   */
  static Detector.Builder assigned(String slug, String title, Severity severity, String valueRegex, String... names) {
    String alternation = Arrays.stream(names).map(Rules::quote).collect(Collectors.joining("|"));
    return Detector.builder(slug, title, severity)
        .keywords(Arrays.stream(names).map(n -> n.toLowerCase(Locale.ROOT)).toArray(String[]::new))
        .matcher(Re2Matcher.assigned(alternation, valueRegex))
        .window(0, 600)
        .priority(5)
        .validator(Rules::notTrivial)
        .about(title + ": a value matching `" + valueRegex + "` assigned to a name mentioning "
            + Arrays.stream(names).map(n -> "`" + n + "`").collect(Collectors.joining(", ")) + ".");
  }

  static Detector.Builder custom(String slug, String title, Severity severity, Matcher matcher, String... keywords) {
    return Detector.builder(slug, title, severity).keywords(keywords).matcher(matcher);
  }

  /** Context-assigned values must still look random: both letters and digits, or long hex. */
  static boolean notTrivial(String v) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit;
  }

  static Predicate<String> contains(String marker) {
    return v -> v.contains(marker);
  }

  static Predicate<String> endsWith(String marker) {
    return v -> v.endsWith(marker);
  }

  private static String quote(String literal) {
    StringBuilder b = new StringBuilder();
    for (char c : literal.toCharArray()) {
      if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c == ' ' ? "\\s+" : String.valueOf(c));
    }
    return b.toString();
  }
}
