package dev.bulwark.model;

import java.util.Locale;

/** Whether the project asks for a component itself or gets it through another one. */
public enum DependencyScope {
  DIRECT, TRANSITIVE, UNKNOWN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
