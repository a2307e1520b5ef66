package dev.bulwark.model;

import java.util.Locale;

/** What a dependency is needed for, as far as the manifest or lockfile says. */
public enum DependencyKind {
  RUNTIME, DEVELOPMENT, TEST, OPTIONAL, PROVIDED, UNKNOWN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Development, test and optional dependencies are left out by {@code --exclude-dev}. */
  public boolean isDevOnly() {
    return this == DEVELOPMENT || this == TEST;
  }
}
