package dev.bulwark.model.scan.hf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.scan.format.Json;
import dev.bulwark.model.scan.rules.HfDangerousCodeRule;
import dev.bulwark.model.scan.rules.HfRemoteCodeRule;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hugging Face model folders: {@code auto_map} in {@code config.json} (and the tokenizer/processor configs)
 * means loading runs Python shipped with the model; the dangerous calls in that Python are reported in
 * the {@code .py} files themselves.
 */
public final class HuggingFaceAnalyzer implements FileAnalyzer {
  static final Set<String> CONFIGS = Set.of("config.json", "tokenizer_config.json", "preprocessor_config.json",
      "processor_config.json", "feature_extractor_config.json", "image_processor_config.json",
      "video_preprocessor_config.json");
  private static final long MAX_TEXT = 8L << 20;

  @Override
  public String id() {
    return "model/huggingface";
  }

  @Override
  public Scanner scanner() {
    return Scanner.MODEL;
  }

  @Override
  public boolean accepts(ScanFile file) {
    if (file.kind() != FileKind.TEXT) {
      return false;
    }
    return CONFIGS.contains(file.name()) || file.name().endsWith(".py");
  }

  @Override
  public List<Finding> analyze(ScanFile file, ScanContext context) throws IOException {
    if (file.name().endsWith(".py")) {
      return python(file, context);
    }
    JsonNode root;
    try {
      root = Json.parse(file.readAllBytes(MAX_TEXT));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String head = new String(file.head(), java.nio.charset.StandardCharsets.UTF_8);
      if (head.contains("\"auto_map\"") || head.contains("\"model_type\"")) {
        throw new UnreadableInputException(file.path(), "not valid JSON: " + e.getOriginalMessage());
      }
      return List.of(); // some other tool's config.json (JSON with comments...) is not ours to judge
    }
    Map<String, String> autoMap = autoMap(root);
    if (autoMap.isEmpty()) {
      return List.of();
    }
    Set<String> pyFiles = new TreeSet<>();
    String folder = file.parent();
    for (ScanFile f : context.tree().files()) {
      if (f.parent().equals(folder) && f.name().endsWith(".py")) {
        pyFiles.add(f.name());
      }
    }
    Set<String> referenced = new TreeSet<>();
    for (String target : autoMap.values()) {
      referenced.add(codeFile(target));
    }
    Finding f = HfRemoteCodeRule.INSTANCE.finding(Location.of(file.path()), String.join(",", autoMap.keySet()))
        .evidence("construct", "auto_map " + autoMap)
        .evidence("codeFiles", String.join(", ", referenced))
        .evidence("pythonFiles", String.join(", ", pyFiles))
        .build();
    return List.of(f);
  }

  /** {@code auto_map} entries (class → target), flattened; tokenizer entries may be [slow, fast] pairs. */
  static Map<String, String> autoMap(JsonNode root) {
    Map<String, String> out = new java.util.TreeMap<>();
    JsonNode m = root.path("auto_map");
    if (m.isObject()) {
      for (Map.Entry<String, JsonNode> e : m.properties()) {
        if (e.getValue().isTextual()) {
          out.put(e.getKey(), e.getValue().asText());
        } else if (e.getValue().isArray()) {
          int i = 0;
          for (JsonNode v : e.getValue()) {
            if (v.isTextual()) out.put(e.getKey() + "[" + i + "]", v.asText());
            i++;
          }
        }
      }
    }
    JsonNode pipelines = root.path("custom_pipelines");
    if (pipelines.isObject()) {
      for (Map.Entry<String, JsonNode> e : pipelines.properties()) {
        String impl = e.getValue().path("impl").asText("");
        if (!impl.isEmpty()) out.put("custom_pipelines." + e.getKey(), impl);
      }
    }
    return out;
  }

  /** {@code modeling_x.MyModel} → {@code modeling_x.py}; {@code org/repo--modeling_x.MyModel} keeps the repo. */
  static String codeFile(String target) {
    String t = target;
    String repo = "";
    int dash = t.indexOf("--");
    if (dash >= 0) {
      repo = t.substring(0, dash) + ":";
      t = t.substring(dash + 2);
    }
    int dot = t.lastIndexOf('.');
    String module = dot > 0 ? t.substring(0, dot) : t;
    return repo + module.replace('.', '/') + ".py";
  }

  private List<Finding> python(ScanFile file, ScanContext context) throws IOException {
    if (!isModelCode(file, context)) {
      return List.of();
    }
    String src = file.readString(MAX_TEXT);
    List<Finding> out = new ArrayList<>();
    for (DangerousPython.Hit h : DangerousPython.scan(src)) {
      out.add(HfDangerousCodeRule.INSTANCE.finding(Location.atLine(file.path(), h.line()), h.construct() + "@" + h.line())
          .evidence("construct", h.construct()).build());
    }
    return out;
  }

  /** A .py file is model code when a config beside it has an auto_map (the code trust_remote_code runs). */
  private static boolean isModelCode(ScanFile py, ScanContext context) {
    for (String name : CONFIGS) {
      var cfg = context.tree().sibling(py, name);
      if (cfg.isEmpty() || cfg.get().size() > MAX_TEXT) {
        continue;
      }
      try {
        if (!autoMap(Json.parse(cfg.get().readAllBytes(MAX_TEXT))).isEmpty()) {
          return true;
        }
      } catch (IOException e) {
        // an unreadable config is reported by its own analysis
      }
    }
    return false;
  }
}
