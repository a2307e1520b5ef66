package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** Hugging Face model needs trust_remote_code. */
public final class HfRemoteCodeRule extends ModelRule {
  public static final HfRemoteCodeRule INSTANCE = new HfRemoteCodeRule();

  private HfRemoteCodeRule() {
    super("model/hf-remote-code", "Hugging Face model needs trust_remote_code", Severity.HIGH,
        "config.json maps auto classes (auto_map) to Python code shipped with the model. Loading with trust_remote_code=True imports and runs that code.",
        "Review the listed Python files before loading, pin the revision, or use a model that needs no custom code.");
  }
}
