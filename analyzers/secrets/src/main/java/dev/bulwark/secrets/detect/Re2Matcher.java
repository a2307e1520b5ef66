package dev.bulwark.secrets.detect;

import com.google.re2j.Pattern;

/** Matches an RE2 pattern (linear time) and reports one capture group, or the whole match without groups. */
public final class Re2Matcher implements Matcher {

  private final Pattern pattern;
  private final int group;

  public Re2Matcher(String regex) {
    this.pattern = Pattern.compile(regex);
    this.group = pattern.groupCount() >= 1 ? 1 : 0;
  }

  public String pattern() {
    return pattern.pattern();
  }

  @Override
  public void find(Window w, Sink sink) {
    CharSequence slice = w.text().subSequence(w.from(), w.to());
    com.google.re2j.Matcher m = pattern.matcher(slice);
    while (m.find()) {
      int g = group;
      if (g > 0 && m.start(g) < 0) {
        // alternation: take the first group that took part in the match
        for (g = 1; g <= m.groupCount() && m.start(g) < 0; g++) { }
        if (g > m.groupCount()) {
          continue;
        }
      }
      sink.candidate(w.from() + m.start(g), w.from() + m.end(g));
    }
  }

  /**
   * A value assigned to a name that mentions one of {@code names} ({@code COHERE_API_KEY = "..."},
   * {@code "cohere": "..."}, {@code cohere.Client("...")}, {@code ENV COHERE_KEY ...}); names match case
   * insensitively, the value pattern case sensitively.
   */
  public static Re2Matcher assigned(String namesAlternation, String valueRegex) {
    return new Re2Matcher("(?i)(?:" + namesAlternation + ")[\\w.\\-]{0,40}?[\"'`\\]]{0,2}"
        + "(?:\\s*(?::=|=>|=|:|,|\\()\\s*|\\s+)[\\[(]?\\s*[\"'`]?(?-i:(" + valueRegex + "))(?:[^A-Za-z0-9_\\-+/=]|$)");
  }
}
