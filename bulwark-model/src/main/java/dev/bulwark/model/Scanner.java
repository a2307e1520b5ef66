package dev.bulwark.model;

import java.util.Locale;

/** The scanner family a finding comes from; fixed by the report contract. */
public enum Scanner {
  VULN, LICENSE, MODEL, SECRET, PII, IAC, POLICY, SBOM;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Scanner parse(String text) {
    for (Scanner s : values()) {
      if (s.id().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scanner '" + text + "'");
  }
}
