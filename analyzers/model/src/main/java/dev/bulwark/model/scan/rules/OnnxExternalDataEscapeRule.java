package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** ONNX external data points outside the model folder. */
public final class OnnxExternalDataEscapeRule extends ModelRule {
  public static final OnnxExternalDataEscapeRule INSTANCE = new OnnxExternalDataEscapeRule();

  private OnnxExternalDataEscapeRule() {
    super("model/onnx-external-data-escape", "ONNX external data points outside the model folder", Severity.HIGH,
        "A tensor's external_data location is absolute or climbs out of the model folder with '..'. Loading the model reads that file (for example /etc/passwd or a private key) into the weights.",
        "Keep external data files beside the model with relative names; reject the model.");
  }
}
