package dev.bulwark.model;

import java.util.Locale;

/** Severity of a finding, most severe first. */
public enum Severity {
  CRITICAL, HIGH, MEDIUM, LOW, INFO;

  /** Lower-case name as written in reports and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is {@code other} or more severe. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  /** Parses {@code critical|high|medium|low|info} (any case); throws with the offending value otherwise. */
  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.id().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown severity '" + text + "' (expected critical, high, medium, low or info)");
  }
}
