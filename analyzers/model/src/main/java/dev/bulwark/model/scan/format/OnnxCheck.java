package dev.bulwark.model.scan.format;

import dev.bulwark.model.Location;
import dev.bulwark.model.scan.ScanSession;
import dev.bulwark.model.scan.rules.OnnxCustomOpDomainRule;
import dev.bulwark.model.scan.rules.OnnxExternalDataEscapeRule;
import java.util.Set;

/** ONNX: external data that escapes the model folder, operators from custom domains (nested graphs too). */
public final class OnnxCheck {
  /** Domains implemented by the ONNX standard and by ONNX Runtime itself (no extra native library). */
  static final Set<String> BUILT_IN_DOMAINS = Set.of("", "ai.onnx", "ai.onnx.ml", "ai.onnx.training",
      "ai.onnx.preview.training", "com.microsoft", "com.microsoft.nchwc", "com.microsoft.experimental",
      "com.ms.internal.nhwc", "com.microsoft.dml", "pkg.onnxscript.torch_lib", "pkg.onnxscript.torch_lib.common");

  private OnnxCheck() {}

  public static OnnxModel check(String label, byte[] bytes, ScanSession s) {
    OnnxModel m;
    try {
      m = OnnxModel.parse(bytes);
    } catch (Proto.MalformedException e) {
      s.malformed(label, "invalid ONNX protobuf: " + e.getMessage());
      return null;
    }
    for (String loc : m.externalLocations()) {
      if (OnnxModel.escapes(loc)) {
        s.add(OnnxExternalDataEscapeRule.INSTANCE.finding(Location.of(label), loc)
            .evidence("construct", "external_data location '" + loc + "'").build());
      }
    }
    for (String d : m.nodeDomains()) {
      if (!BUILT_IN_DOMAINS.contains(d) && !m.functionDomains().contains(d)) {
        s.add(OnnxCustomOpDomainRule.INSTANCE.finding(Location.of(label), d)
            .evidence("construct", "operator domain '" + d + "'").build());
      }
    }
    return m;
  }
}
