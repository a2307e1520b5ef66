package dev.bulwark.model.scan.bom;

import java.util.Map;

/**
 * What the AI-BOM records about a model file: its format and framework (detected by content), and the
 * tensor and parameter counts when the header tells them (-1 when unknown).
 */
public record ModelFacts(String format, String framework, long parameters, long tensors, Map<String, String> extra) {
  public ModelFacts {
    extra = Map.copyOf(extra);
  }

  static ModelFacts of(String format, String framework) {
    return new ModelFacts(format, framework, -1, -1, Map.of());
  }
}
