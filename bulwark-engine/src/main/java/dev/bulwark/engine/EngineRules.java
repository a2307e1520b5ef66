package dev.bulwark.engine;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;

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
  public Finding at(String path, String detail) {
    return Finding.builder(Scanner.SBOM, id, severity, title)
        .description(path + ": " + detail)
        .location(Location.of(path))
        .evidence("detail", detail)
        .fingerprint(detail)
        .build();
  }
}
