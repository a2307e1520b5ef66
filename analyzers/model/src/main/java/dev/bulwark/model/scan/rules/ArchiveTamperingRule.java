package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** Model container shows signs of tampering. */
public final class ArchiveTamperingRule extends ModelRule {
  public static final ArchiveTamperingRule INSTANCE = new ArchiveTamperingRule();

  private ArchiveTamperingRule() {
    super("model/archive-tampering", "Model container shows signs of tampering", Severity.HIGH,
        "The zip or tar container of the model is inconsistent in a way that real writers never produce: data placed in front of the archive (a polyglot file), local and central header names that differ, duplicate member names, member names that escape the archive, encrypted members or bad CRCs. Loaders and scanners may then see different files.",
        "Do not load the file; re-export the model with the framework's own save function from a trusted copy.");
  }
}
