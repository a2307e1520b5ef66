package dev.bulwark.sbom.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.sbom.internal.Parsers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Yarn 2+ ("berry") lockfiles: YAML keyed by comma-separated descriptors, with a resolution per entry. */
final class YarnBerryParser {

  private YarnBerryParser() {}

  static List<YarnEntry> parse(String path, String text) throws IOException {
    List<YarnEntry> fast = SymlReader.read(text);
    return fast != null ? fast : parseYaml(path, text);
  }

  static List<YarnEntry> parseYaml(String path, String text) throws IOException {
    JsonNode root = Parsers.yaml(path, text);
    Map<String, Integer> lines = keyLines(text);
    List<YarnEntry> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("__metadata") || !e.getValue().isObject()) {
        continue;
      }
      JsonNode v = e.getValue();
      List<String> descriptors = new ArrayList<>();
      for (String d : e.getKey().split(",")) {
        if (!d.isBlank()) {
          descriptors.add(d.strip());
        }
      }
      String resolution = Parsers.text(v, "resolution");
      String ref = resolution != null ? resolution : descriptors.isEmpty() ? "" : descriptors.get(0);
      String name = YarnEntry.nameOf(ref);
      String protocolRange = YarnEntry.rangeOf(ref);
      boolean local = protocolRange.startsWith("workspace:") || protocolRange.startsWith("link:")
          || protocolRange.startsWith("portal:") || protocolRange.startsWith("file:")
          || "soft".equals(Parsers.text(v, "linkType"));
      String workspace = protocolRange.startsWith("workspace:") ? protocolRange.substring("workspace:".length()) : null;
      Map<String, String> deps = map(v.get("dependencies"));
      Map<String, String> optional = map(v.get("optionalDependencies"));
      // berry lists an optional dependency under dependencies and marks it in dependenciesMeta
      for (String n : List.copyOf(deps.keySet())) {
        if (v.path("dependenciesMeta").path(n).path("optional").asBoolean(false)) {
          optional.put(n, deps.remove(n));
        }
      }
      out.add(new YarnEntry(descriptors, name, Parsers.text(v, "version"), resolution, deps,
          optional, Parsers.text(v, "checksum"), local, workspace,
          lines.getOrDefault(e.getKey(), 0)));
    }
    return out;
  }

  private static Map<String, String> map(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  /** Line of each top-level key (unquoted), from a plain scan. */
  private static Map<String, Integer> keyLines(String text) {
    Map<String, Integer> out = new HashMap<>();
    int line = 0;
    int pos = 0;
    while (pos < text.length()) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = text.length();
      }
      line++;
      if (end > pos && text.charAt(pos) != ' ' && text.charAt(pos) != '#' && text.charAt(end - 1 - (text.charAt(end - 1) == '\r' ? 1 : 0)) == ':') {
        String key = text.substring(pos, end).strip();
        key = key.substring(0, key.length() - 1);
        if (key.startsWith("\"") && key.endsWith("\"") && key.length() >= 2) {
          key = key.substring(1, key.length() - 1);
        }
        out.put(key, line);
      }
      pos = end + 1;
    }
    return out;
  }
}
