package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** ONNX graph uses operators from a custom domain. */
public final class OnnxCustomOpDomainRule extends ModelRule {
  public static final OnnxCustomOpDomainRule INSTANCE = new OnnxCustomOpDomainRule();

  private OnnxCustomOpDomainRule() {
    super("model/onnx-custom-op-domain", "ONNX graph uses operators from a custom domain", Severity.MEDIUM,
        "A node uses an operator domain other than the standard ONNX domains. Running it needs a custom operator library, which is native code loaded into the runtime.",
        "Review where the custom operator library comes from before running the model.");
  }
}
