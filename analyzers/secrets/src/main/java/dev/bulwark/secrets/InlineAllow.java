package dev.bulwark.secrets;

import java.util.Locale;

/**
 * {@code bulwark:allow <rule>} on the finding's line or the line above it accepts that finding. The rule may
 * be the full id ({@code secret/github-pat-classic}), the id without {@code secret/}, {@code secret/*} or
 * {@code *}; several rules may be listed, separated by commas or spaces.
 */
final class InlineAllow {

  static final String MARKER = "bulwark:allow";

  private InlineAllow() {}

  static boolean allows(String line, String rule) {
    int at = line.toLowerCase(Locale.ROOT).indexOf(MARKER);
    if (at < 0) {
      return false;
    }
    String rest = line.substring(at + MARKER.length());
    String slug = rule.startsWith("secret/") ? rule.substring("secret/".length()) : rule;
    for (String token : rest.split("[\\s,]+")) {
      String t = token.trim();
      if (t.equals("*")) {
        return true;
      }
      if (t.chars().noneMatch(Character::isLetter)) {
        continue; // comment punctuation such as */ or -->
      }
      while (!t.isEmpty() && "\"'/->#;)".indexOf(t.charAt(t.length() - 1)) >= 0) {
        t = t.substring(0, t.length() - 1);
      }
      if (t.endsWith("secret")) {
        t = t + (token.contains("secret/*") ? "/*" : "");
      }
      if (t.isEmpty()) {
        continue;
      }
      if (t.equals(rule) || t.equals(slug) || t.equals("secret/*")) {
        return true;
      }
    }
    return false;
  }
}
