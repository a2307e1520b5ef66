package dev.bulwark.model.scan.bom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML front matter of a Hugging Face model card ({@code README.md}): licence, datasets, base model...
 * {@code problem} says why a card that has front matter gave nothing (invalid or hostile YAML, no closing
 * line, too large); null when it was read or there is none.
 */
public record ModelCard(Map<String, List<String>> fields, String problem) {
  public ModelCard(Map<String, List<String>> fields) {
    this(fields, null);
  }

  static ModelCard unreadable(String problem) {
    return new ModelCard(Map.of(), problem);
  }

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
      return unreadable("front matter has no closing '---' line");
    }
    JsonNode root;
    try {
      root = YAML.readTree(text.substring(start + 1, end + 1));
    } catch (IOException | RuntimeException e) {
      // SnakeYAML's limits (aliases, nesting, size) end here too, with their own message
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst().orElse("");
      return unreadable("front matter is not valid YAML: " + (m.length() > 200 ? m.substring(0, 200) + "..." : m));
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (root == null || !root.isObject()) {
      return root == null || root.isMissingNode() || root.isNull() ? new ModelCard(Map.of()) : unreadable("front matter is not a YAML mapping");
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

  /** Hugging Face licence ids that are SPDX ids in other casing or under another name. */
  private static final Map<String, String> SPDX = spdx();

  private static Map<String, String> spdx() {
    Map<String, String> m = new java.util.HashMap<>();
    for (String id : List.of("Apache-2.0", "MIT", "AFL-3.0", "Artistic-2.0", "BSL-1.0", "BSD-2-Clause", "BSD-3-Clause",
        "BSD-3-Clause-Clear", "C-UDA-1.0", "CC0-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-SA-3.0",
        "CC-BY-SA-4.0", "CC-BY-NC-2.0", "CC-BY-NC-3.0", "CC-BY-NC-4.0", "CC-BY-ND-4.0", "CC-BY-NC-ND-3.0",
        "CC-BY-NC-ND-4.0", "CC-BY-NC-SA-2.0", "CC-BY-NC-SA-3.0", "CC-BY-NC-SA-4.0", "CDLA-Sharing-1.0",
        "CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "WTFPL", "ECL-2.0", "EPL-1.0", "EPL-2.0", "etalab-2.0",
        "EUPL-1.1", "EUPL-1.2", "ISC", "LPPL-1.3c", "MS-PL", "MPL-2.0", "ODC-By-1.0", "ODbL-1.0", "OSL-3.0",
        "PostgreSQL", "OFL-1.1", "NCSA", "Unlicense", "Zlib", "PDDL-1.0", "LGPL-2.1-only", "LGPL-3.0-only",
        "GPL-2.0-only", "GPL-3.0-only", "AGPL-3.0-only")) {
      m.put(id.toLowerCase(java.util.Locale.ROOT), id);
    }
    m.putAll(Map.of("c-uda", "C-UDA-1.0", "odc-by", "ODC-By-1.0", "odbl", "ODbL-1.0", "pddl", "PDDL-1.0",
        "lgpl-2.1", "LGPL-2.1-only", "lgpl-3.0", "LGPL-3.0-only", "gpl-2.0", "GPL-2.0-only", "gpl-3.0", "GPL-3.0-only",
        "agpl-3.0", "AGPL-3.0-only"));
    return Map.copyOf(m);
  }

  /**
   * The card's licences as SPDX ids where the Hugging Face id has one, else {@code LicenseRef-<id>}; for
   * {@code other} the card's {@code license_name} names it, and {@code unknown} is no licence.
   */
  public List<String> spdxLicenses() {
    List<String> out = new ArrayList<>();
    for (String l : get("license")) {
      String key = l.strip().toLowerCase(java.util.Locale.ROOT);
      if (key.isEmpty() || key.equals("unknown")) continue;
      String name = key.equals("other") ? get("license_name").stream().findFirst().orElse("other") : key;
      name = name.length() > 100 ? name.substring(0, 100) : name;
      String spdx = SPDX.get(name.toLowerCase(java.util.Locale.ROOT));
      out.add(spdx != null ? spdx : "LicenseRef-" + name.replaceAll("[^A-Za-z0-9.-]", "-"));
    }
    return List.copyOf(out);
  }

  /** Whether the front matter says what a model card says (a dataset card or a blog post does not). */
  public boolean describesModel() {
    return fields.containsKey("base_model") || fields.containsKey("pipeline_tag") || fields.containsKey("library_name");
  }

  public List<String> get(String key) {
    return fields.getOrDefault(key, List.of());
  }
}
