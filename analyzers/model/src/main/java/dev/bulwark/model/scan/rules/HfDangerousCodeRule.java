package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** Model code runs commands, evaluates code or touches the network. */
public final class HfDangerousCodeRule extends ModelRule {
  public static final HfDangerousCodeRule INSTANCE = new HfDangerousCodeRule();

  private HfDangerousCodeRule() {
    super("model/hf-dangerous-code", "Model code runs commands, evaluates code or touches the network", Severity.CRITICAL,
        "A Python file shipped with a Hugging Face model imports or calls something that runs commands, evaluates code, deserializes pickles, or reaches the network. It runs when the model is loaded with trust_remote_code=True.",
        "Do not load the model with trust_remote_code; review and remove the call.");
  }
}
