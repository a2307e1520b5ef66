package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** Keras model refers to code outside the Keras namespaces. */
public final class KerasCustomObjectRule extends ModelRule {
  public static final KerasCustomObjectRule INSTANCE = new KerasCustomObjectRule();

  private KerasCustomObjectRule() {
    super("model/keras-custom-object", "Keras model refers to code outside the Keras namespaces", Severity.HIGH,
        "A layer, loss, metric or other object in the Keras configuration names a module outside keras/tensorflow. Loading imports that module and instantiates its class, which can run arbitrary code.",
        "Review the referenced module; load only with custom objects you control.");
  }
}
