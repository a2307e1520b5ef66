package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import java.util.Objects;

/** Metadata of one model-scanner rule and the factory for its findings. Subclasses only pass metadata. */
public abstract class ModelRule {
  private final String id;
  private final String title;
  private final Severity severity;
  private final String description;
  private final String fix;

  protected ModelRule(String id, String title, Severity severity, String description, String fix) {
    this.id = Objects.requireNonNull(id);
    this.title = Objects.requireNonNull(title);
    this.severity = Objects.requireNonNull(severity);
    this.description = Objects.requireNonNull(description);
    this.fix = Objects.requireNonNull(fix);
  }

  public final String id() {
    return id;
  }

  public final String title() {
    return title;
  }

  public final Severity severity() {
    return severity;
  }

  public final String description() {
    return description;
  }

  public final String fix() {
    return fix;
  }

  /** Relative path of the rule's documentation page. */
  public final String docPage() {
    return "docs/rules/" + id + ".md";
  }

  /** A finding of this rule at {@code location}; {@code material} distinguishes findings at the same path. */
  public final Finding.Builder finding(Location location, String material) {
    return Finding.builder(Scanner.MODEL, id, severity, title)
        .location(location)
        .description(description)
        .fix(fix)
        .fingerprint(material)
        .reference(docPage());
  }
}
