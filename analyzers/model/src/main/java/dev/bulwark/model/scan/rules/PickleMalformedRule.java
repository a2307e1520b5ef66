package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** Pickle stream is malformed or truncated. */
public final class PickleMalformedRule extends ModelRule {
  public static final PickleMalformedRule INSTANCE = new PickleMalformedRule();

  private PickleMalformedRule() {
    super("model/pickle-malformed", "Pickle stream is malformed or truncated", Severity.HIGH,
        "The pickle stream is truncated, uses an invalid opcode, underflows its stack, reads a memo slot that was never written, or exceeds the scanner's bounds. Attackers break streams on purpose so that scanners give up while the loader has already executed the dangerous part.",
        "Do not load the file; obtain an intact copy from a trusted source.");
  }
}
