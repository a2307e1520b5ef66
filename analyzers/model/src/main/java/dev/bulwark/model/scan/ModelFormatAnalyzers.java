package dev.bulwark.model.scan;

import dev.bulwark.model.Location;
import dev.bulwark.model.scan.format.ChatTemplateCheck;
import dev.bulwark.model.scan.format.GgufReader;
import dev.bulwark.model.scan.format.H5Check;
import dev.bulwark.model.scan.format.OnnxCheck;
import dev.bulwark.model.scan.format.SafetensorsHeader;
import dev.bulwark.model.scan.format.SavedModelCheck;
import dev.bulwark.model.scan.rules.GgufInvalidHeaderRule;
import dev.bulwark.model.scan.rules.GgufTemplateInjectionRule;
import dev.bulwark.model.scan.rules.SafetensorsInvalidHeaderRule;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;

/** The header-only formats: safetensors, GGUF, HDF5, ONNX and SavedModel. */
final class ModelFormatAnalyzers {
  private static final int MAX_PROBLEMS = 20;

  private ModelFormatAnalyzers() {}

  static void safetensors(ScanFile f, ScanSession s) throws IOException {
    SafetensorsHeader h;
    try (InputStream in = f.open()) {
      h = SafetensorsHeader.read(in, f.size());
    }
    int n = 0;
    for (String p : h.problems()) {
      if (n++ >= MAX_PROBLEMS) break;
      s.add(SafetensorsInvalidHeaderRule.INSTANCE.finding(Location.of(f.path()), p).evidence("problem", p).build());
    }
  }

  static void gguf(ScanFile f, ScanSession s) throws IOException {
    GgufReader.Info info;
    try (InputStream in = f.open()) {
      info = GgufReader.read(in, f.size());
    }
    int n = 0;
    for (String p : info.problems()) {
      if (n++ >= MAX_PROBLEMS) break;
      s.add(GgufInvalidHeaderRule.INSTANCE.finding(Location.of(f.path()), p).evidence("problem", p).build());
    }
    for (Map.Entry<String, Object> e : info.metadata().entrySet()) {
      if (e.getKey().startsWith("tokenizer.chat_template") && e.getValue() instanceof String template) {
        Set<String> hits = ChatTemplateCheck.findings(template);
        if (!hits.isEmpty()) {
          s.add(GgufTemplateInjectionRule.INSTANCE.finding(Location.of(f.path()), e.getKey())
              .evidence("construct", String.join("; ", hits)).evidence("key", e.getKey()).build());
        }
      }
    }
  }

  static void hdf5(ScanFile f, ScanSession s) throws IOException {
    if (f.localPath().isPresent()) {
      H5Check.check(f.path(), f.localPath().get(), s);
      return;
    }
    Path tmp = Files.createTempFile("bulwark-h5", ".h5");
    try {
      try (InputStream in = f.open()) {
        Files.copy(new BoundedStream(in, s.limits().maxFileBytes(), f.path()), tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      H5Check.check(f.path(), tmp, s);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static void onnx(ScanFile f, ScanSession s) throws IOException {
    OnnxCheck.check(f.path(), f.readAllBytes(s.limits().maxFileBytes()), s);
  }

  /** Keras models saved in the TensorFlow format keep each layer's config as JSON in keras_metadata.pb. */
  static void kerasMetadata(ScanFile f, ScanSession s) throws IOException {
    byte[] bytes = f.readAllBytes(s.limits().maxFileBytes());
    try {
      dev.bulwark.model.scan.format.Proto.of(bytes).forEach(node -> {
        if (node.number() == 1 && node.wireType() == 2) {
          node.message().forEach(field -> {
            if (field.wireType() == 2 && field.length() > 1 && bytes[field.from()] == '{') {
              try {
                dev.bulwark.model.scan.format.KerasConfigCheck.check(f.path(),
                    dev.bulwark.model.scan.format.Json.parse(java.util.Arrays.copyOfRange(bytes, field.from(), field.to())), s);
              } catch (IOException notJson) {
                // a string field that merely starts with '{'
              }
            }
          });
        }
      });
    } catch (dev.bulwark.model.scan.format.Proto.MalformedException e) {
      s.malformed(f.path(), "invalid keras_metadata.pb: " + e.getMessage());
    }
  }

  static void savedModel(ScanFile f, ScanSession s) throws IOException {
    SavedModelCheck.check(f.path(), f.readAllBytes(s.limits().maxFileBytes()), s);
  }
}
