package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** GGUF header is invalid. */
public final class GgufInvalidHeaderRule extends ModelRule {
  public static final GgufInvalidHeaderRule INSTANCE = new GgufInvalidHeaderRule();

  private GgufInvalidHeaderRule() {
    super("model/gguf-invalid-header", "GGUF header is invalid", Severity.HIGH,
        "The GGUF header has an unknown version, counts or string lengths out of bounds, unknown value types, or tensor data outside the file. Such headers have been used to exploit GGUF loaders (heap overflows).",
        "Do not load the file; obtain an intact copy from a trusted source.");
  }
}
