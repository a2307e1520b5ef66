package dev.bulwark.model.scan.rules;

import dev.bulwark.model.Severity;

/** Compressed model data exceeds the decompression limits. */
public final class DecompressionLimitRule extends ModelRule {
  public static final DecompressionLimitRule INSTANCE = new DecompressionLimitRule();

  private DecompressionLimitRule() {
    super("model/decompression-limit", "Compressed model data exceeds the decompression limits", Severity.HIGH,
        "A compressed member or stream expands beyond the configured ratio, size or nesting depth (a decompression bomb), so the rest could not be scanned.",
        "Do not load the file; if the model is legitimately this large, raise the limits and rescan.");
  }
}
