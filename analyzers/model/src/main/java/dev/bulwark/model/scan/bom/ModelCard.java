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
  static final List<String> KEYS = List.of("license", "license_name", "license_link", "datasets", "base_model",
      "base_model_relation", "pipeline_tag", "language", "library_name", "tags");
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

  private static final java.util.Map<String, String> SPDX = java.util.Map.ofEntries(
      java.util.Map.entry("apache-2.0", "Apache-2.0"), java.util.Map.entry("mit", "MIT"),
      java.util.Map.entry("bsd-2-clause", "BSD-2-Clause"), java.util.Map.entry("bsd-3-clause", "BSD-3-Clause"),
      java.util.Map.entry("cc0-1.0", "CC0-1.0"), java.util.Map.entry("cc-by-4.0", "CC-BY-4.0"),
      java.util.Map.entry("cc-by-sa-4.0", "CC-BY-SA-4.0"), java.util.Map.entry("cc-by-nc-4.0", "CC-BY-NC-4.0"),
      java.util.Map.entry("cc-by-nc-sa-4.0", "CC-BY-NC-SA-4.0"), java.util.Map.entry("cc-by-nc-nd-4.0", "CC-BY-NC-ND-4.0"),
      java.util.Map.entry("gpl-3.0", "GPL-3.0-only"), java.util.Map.entry("gpl-2.0", "GPL-2.0-only"),
      java.util.Map.entry("lgpl-3.0", "LGPL-3.0-only"), java.util.Map.entry("agpl-3.0", "AGPL-3.0-only"),
      java.util.Map.entry("mpl-2.0", "MPL-2.0"), java.util.Map.entry("unlicense", "Unlicense"),
      java.util.Map.entry("openrail", "LicenseRef-openrail"), java.util.Map.entry("creativeml-openrail-m", "LicenseRef-creativeml-openrail-m"),
      java.util.Map.entry("llama2", "LicenseRef-llama2"), java.util.Map.entry("llama3", "LicenseRef-llama3"),
      java.util.Map.entry("llama3.1", "LicenseRef-llama3.1"), java.util.Map.entry("gemma", "LicenseRef-gemma"),
      java.util.Map.entry("other", "LicenseRef-other"));

  /** The card's licences as SPDX ids where the Hugging Face id has one, else as written. */
  public List<String> spdxLicenses() {
    return get("license").stream().map(l -> SPDX.getOrDefault(l.toLowerCase(java.util.Locale.ROOT), l)).toList();
  }

  /** Whether the front matter says what a model card says (a dataset card or a blog post does not). */
  public boolean describesModel() {
    return fields.containsKey("base_model") || fields.containsKey("pipeline_tag") || fields.containsKey("library_name");
  }

  public List<String> get(String key) {
    return fields.getOrDefault(key, List.of());
  }
}
