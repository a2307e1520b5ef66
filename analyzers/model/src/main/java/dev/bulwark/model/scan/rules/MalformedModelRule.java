package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** Model file is malformed. */
public final class MalformedModelRule extends ModelRule {
  public static final MalformedModelRule INSTANCE = new MalformedModelRule();

  private MalformedModelRule() {
    super("model/malformed-file", "Model file is malformed", Severity.HIGH,
        "The model file does not follow its format (bad header, out-of-range lengths or offsets, invalid protobuf or configuration). Malformed headers are used to exploit loaders.",
        "Do not load the file; obtain an intact copy from a trusted source.");
  }
}
