package dev.bulwark.model.scan.bom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The YAML front matter of a Hugging Face model card ({@code README.md}): licence, datasets, base model... */
public record ModelCard(Map<String, List<String>> fields) {
  static final List<String> KEYS = List.of("license", "license_name", "datasets", "base_model", "pipeline_tag",
      "language", "library_name", "tags");
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .loaderOptions(limits()).build());

  private static org.yaml.snakeyaml.LoaderOptions limits() {
    org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
    o.setMaxAliasesForCollections(20);
    o.setCodePointLimit(1 << 20);
    o.setNestingDepthLimit(50);
    return o;
  }

  /** Reads the front matter between the first two {@code ---} lines; empty when there is none. */
  public static ModelCard parse(String readme) {
    String text = readme.startsWith("\uFEFF") ? readme.substring(1) : readme;
    if (!text.startsWith("---")) {
      return new ModelCard(Map.of());
    }
    int start = text.indexOf('\n');
    int end = text.indexOf("\n---", start);
    if (start < 0 || end < 0) {
      return new ModelCard(Map.of());
    }
    JsonNode root;
    try {
      root = YAML.readTree(text.substring(start + 1, end + 1));
    } catch (IOException | RuntimeException e) {
      return new ModelCard(Map.of());
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (root == null || !root.isObject()) {
      return new ModelCard(Map.of());
    }
    for (String k : KEYS) {
      JsonNode v = root.get(k);
      List<String> values = new ArrayList<>();
      if (v != null && v.isArray()) {
        v.forEach(x -> {
          if (x.isValueNode()) values.add(x.asText());
        });
      } else if (v != null && v.isValueNode()) {
        values.add(v.asText());
      }
      if (!values.isEmpty()) {
        out.put(k, List.copyOf(values));
      }
    }
    return new ModelCard(out);
  }

  public List<String> get(String key) {
    return fields.getOrDefault(key, List.of());
  }
}
