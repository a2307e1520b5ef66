package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** Keras model contains a Lambda layer. */
public final class KerasLambdaRule extends ModelRule {
  public static final KerasLambdaRule INSTANCE = new KerasLambdaRule();

  private KerasLambdaRule() {
    super("model/keras-lambda", "Keras model contains a Lambda layer", Severity.CRITICAL,
        "The Keras model configuration contains a Lambda layer. Its Python function is stored as serialized bytecode or source and runs when the model is loaded or called (safe_mode protects only recent Keras versions).",
        "Replace the Lambda layer by a registered custom layer whose code you review, or load with safe_mode enabled in a current Keras.");
  }
}
