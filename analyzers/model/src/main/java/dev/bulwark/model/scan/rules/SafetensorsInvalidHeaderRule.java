package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** safetensors header is invalid. */
public final class SafetensorsInvalidHeaderRule extends ModelRule {
  public static final SafetensorsInvalidHeaderRule INSTANCE = new SafetensorsInvalidHeaderRule();

  private SafetensorsInvalidHeaderRule() {
    super("model/safetensors-invalid-header", "safetensors header is invalid", Severity.HIGH,
        "The safetensors header is out of bounds, not valid JSON, or its tensors disagree with the data: dtype times shape differs from the byte length, offsets point outside the data, tensors overlap or leave gaps, or __metadata__ is not a string-to-string map. Such files exploit or confuse loaders.",
        "Do not load the file; re-export the weights with the safetensors library.");
  }
}
