package dev.bulwark.model;

import java.util.Objects;

/**
 * Why a finding no longer counts against the gate: a waiver, a VEX statement, a baseline entry or an
 * inline allow comment. Suppressed findings stay in reports, marked, so that the decision is visible.
 *
 * @param kind one of {@code waiver}, {@code vex}, {@code baseline}, {@code inline}
 * @param status e.g. {@code not_affected}, {@code fixed}, {@code accepted}
 * @param reason free text from the waiver or VEX justification; may be null
 * @param source the file (or rule) that suppressed it; may be null
 */
public record Suppression(String kind, String status, String reason, String source) {
  public Suppression {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
  }
}
