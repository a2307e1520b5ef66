package dev.bulwark.secrets.detect;

import dev.bulwark.model.Severity;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One secret rule: its id ({@code secret/<provider>-<kind>}), title, default severity, the literal
 * keywords that must occur near a match (the prefilter's anchors), a linear-time matcher and an optional
 * validator (checksum, decoded structure). Between two overlapping candidates the higher {@code priority}
 * wins, so a provider-exact rule beats a generic one.
 *
 * @param before how far (in characters) before a keyword hit the matcher's window starts (0 when the keyword
 *     is the secret's own prefix)
 * @param reach how far (in characters) after a keyword hit the matcher looks (and before it, when
 *     {@code multiline}); line-bounded unless {@code multiline}
 * @param about one paragraph for the rule's doc page: the format and how it is recognised
 */
public record Detector(String id, String title, Severity severity, List<String> keywords, Matcher matcher,
    Predicate<String> validator, int priority, int before, int reach, boolean multiline, boolean placeholderCheck,
    String about) {

  public static final String PREFIX = "secret/";

  public Detector {
    Objects.requireNonNull(id, "id");
    if (!id.startsWith(PREFIX) || !id.substring(PREFIX.length()).matches("[a-z0-9]+(-[a-z0-9]+)+")) {
      throw new IllegalArgumentException("detector id must be secret/<provider>-<kind>: '" + id + "'");
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    keywords = List.copyOf(keywords);
    if (keywords.isEmpty()) {
      throw new IllegalArgumentException(id + ": a detector needs at least one keyword for the prefilter");
    }
    Objects.requireNonNull(matcher, "matcher");
    validator = validator == null ? v -> true : validator;
    Objects.requireNonNull(about, "about");
  }

  /** The rule id without {@code secret/}: also the doc page name. */
  public String slug() {
    return id.substring(PREFIX.length());
  }

  public static Builder builder(String slug, String title, Severity severity) {
    return new Builder(PREFIX + slug, title, severity);
  }

  /** Fluent construction for the catalogue's data entries. */
  public static final class Builder {
    private final String id;
    private final String title;
    private final Severity severity;
    private List<String> keywords = List.of();
    private Matcher matcher;
    private Predicate<String> validator;
    private int priority = 10;
    private int before = 256;
    private int reach = 1024;
    private boolean multiline;
    private boolean placeholderCheck = true;
    private String about = "";

    private Builder(String id, String title, Severity severity) {
      this.id = id;
      this.title = title;
      this.severity = severity;
    }

    public Builder keywords(String... words) { this.keywords = List.of(words); return this; }
    public Builder matcher(Matcher m) { this.matcher = m; return this; }
    public Builder validator(Predicate<String> v) { this.validator = v; return this; }
    public Builder priority(int p) { this.priority = p; return this; }
    public Builder window(int beforeChars, int afterChars) { this.before = beforeChars; this.reach = afterChars; return this; }
    public Builder multiline(int reachChars) { this.multiline = true; this.reach = reachChars; return this; }
    public Builder noPlaceholderCheck() { this.placeholderCheck = false; return this; }
    public Builder about(String text) { this.about = text; return this; }

    public Detector build() {
      return new Detector(id, title, severity, keywords, matcher, validator, priority, before, reach, multiline,
          placeholderCheck, about);
    }
  }
}
