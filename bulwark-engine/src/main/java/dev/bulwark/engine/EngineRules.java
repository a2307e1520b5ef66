package dev.bulwark.engine;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import java.util.List;

/**
 * The rules the engine itself reports while walking hostile targets. Each has a page under
 * {@code docs/rules/sbom/}.
 */
public enum EngineRules {
  UNREADABLE_FILE("unreadable-file", Severity.LOW, "File could not be read or parsed"),
  ARCHIVE_PATH_TRAVERSAL("archive-path-traversal", Severity.HIGH, "Archive entry escapes its folder (zip-slip)"),
  ARCHIVE_BOMB("archive-bomb", Severity.HIGH, "Archive expands beyond safe limits (decompression bomb)"),
  ARCHIVE_TOO_DEEP("archive-too-deep", Severity.MEDIUM, "Archives nested deeper than the limit"),
  ARCHIVE_ENTRY_LIMIT("archive-entry-limit", Severity.MEDIUM, "Archive has more entries than the limit"),
  ARCHIVE_LINK("archive-link", Severity.MEDIUM, "Archive contains a symbolic or hard link"),
  SYMLINK_OUTSIDE_TARGET("symlink-outside-target", Severity.MEDIUM, "Symbolic link points outside the target"),
  SYMLINK_LOOP("symlink-loop", Severity.LOW, "Symbolic link loop"),
  FILE_LIMIT("file-limit", Severity.MEDIUM, "Target has more files than the limit");

  private final String id;
  private final Severity severity;
  private final String title;

  EngineRules(String id, Severity severity, String title) {
    this.id = id;
    this.severity = severity;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public String title() {
    return title;
  }

  /** A finding of this rule at {@code path}, explained by {@code detail}. */
  /**
   * A file {@code analyzer} could not read. Several analyzers often meet the same problem in the same file
   * (a broken CSV is read for the inventory and for PII): their findings share an id, which the engine
   * merges into one naming every analyzer ({@link #mergeAnalyzers}).
   */
  public Finding unreadableBy(String path, String problem, String analyzer) {
    return Finding.builder(Scanner.SBOM, id, severity, title)
        .description(path + ": " + problem + " (" + analyzer + ")")
        .location(Location.of(path))
        .evidence("detail", problem)
        .evidence("analyzers", analyzer)
        .fingerprint(problem)
        .build();
  }

  /** One finding for two {@link #unreadableBy} findings of the same file and problem. */
  static Finding mergeAnalyzers(Finding a, Finding b) {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>();
    for (Finding f : List.of(a, b)) {
      String v = f.evidence().get("analyzers");
      if (v != null) {
        ids.addAll(List.of(v.split(", ")));
      }
    }
    String joined = String.join(", ", ids);
    String path = a.location() == null ? "" : a.location().path();
    return a.toBuilder().description(path + ": " + a.evidence().get("detail") + " (" + joined + ")")
        .evidence("analyzers", joined).build();
  }

  public Finding at(String path, String detail) {
    return Finding.builder(Scanner.SBOM, id, severity, title)
        .description(path + ": " + detail)
        .location(Location.of(path))
        .evidence("detail", detail)
        .fingerprint(detail)
        .build();
  }
}
