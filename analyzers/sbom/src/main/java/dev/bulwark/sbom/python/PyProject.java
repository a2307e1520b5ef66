package dev.bulwark.sbom.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Pep503;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code pyproject.toml} declares: PEP 621 {@code [project]} dependencies and optional dependencies,
 * PEP 735 {@code [dependency-groups]}, Poetry's {@code [tool.poetry.*dependencies]} and groups, PDM's and uv's
 * dev dependencies. Keyed by PEP 503 name; the first declaration of a name wins its kind unless it is runtime.
 */
record PyProject(String name, String version, Map<String, Declared> declared) {

  record Declared(String name, String specifier, DependencyKind kind, String marker, String source, int order) {}

  static Optional<PyProject> beside(ScanFile lockfile, ScanContext context) {
    Optional<ScanFile> f = context.tree().sibling(lockfile, "pyproject.toml");
    if (f.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(of(Parsers.toml(f.get(), context)));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  static PyProject of(JsonNode root) {
    Map<String, Declared> out = new LinkedHashMap<>();
    JsonNode project = root.path("project");
    JsonNode poetry = root.path("tool").path("poetry");
    pep508List(out, project.get("dependencies"), DependencyKind.RUNTIME, "project.dependencies");
    JsonNode optional = project.get("optional-dependencies");
    if (optional != null && optional.isObject()) {
      optional.fields().forEachRemaining(e -> pep508List(out, e.getValue(), DependencyKind.OPTIONAL,
          "project.optional-dependencies." + e.getKey()));
    }
    poetryTable(out, poetry.get("dependencies"), DependencyKind.RUNTIME, "tool.poetry.dependencies");
    JsonNode groups = poetry.get("group");
    if (groups != null && groups.isObject()) {
      groups.fields().forEachRemaining(e -> poetryTable(out, e.getValue().get("dependencies"), groupKind(e.getKey()),
          "tool.poetry.group." + e.getKey() + ".dependencies"));
    }
    poetryTable(out, poetry.get("dev-dependencies"), DependencyKind.DEVELOPMENT, "tool.poetry.dev-dependencies");
    JsonNode depGroups = root.get("dependency-groups");
    if (depGroups != null && depGroups.isObject()) {
      depGroups.fields().forEachRemaining(e -> pep508List(out, e.getValue(), groupKind(e.getKey()),
          "dependency-groups." + e.getKey()));
    }
    JsonNode pdmDev = root.path("tool").path("pdm").get("dev-dependencies");
    if (pdmDev != null && pdmDev.isObject()) {
      pdmDev.fields().forEachRemaining(e -> pep508List(out, e.getValue(), groupKind(e.getKey()),
          "tool.pdm.dev-dependencies." + e.getKey()));
    }
    pep508List(out, root.path("tool").path("uv").get("dev-dependencies"), DependencyKind.DEVELOPMENT, "tool.uv.dev-dependencies");
    String name = Parsers.text(project, "name");
    String version = Parsers.text(project, "version");
    if (name == null) {
      name = Parsers.text(poetry, "name");
      version = Parsers.text(poetry, "version");
    }
    return new PyProject(name, version, out);
  }

  static DependencyKind groupKind(String group) {
    String g = group.toLowerCase(Locale.ROOT);
    if (g.equals("main") || g.equals("default")) {
      return DependencyKind.RUNTIME;
    }
    return g.contains("test") ? DependencyKind.TEST : DependencyKind.DEVELOPMENT;
  }

  private static void pep508List(Map<String, Declared> out, JsonNode list, DependencyKind kind, String source) {
    if (list == null || !list.isArray()) {
      return;
    }
    for (JsonNode item : list) {
      if (!item.isTextual()) {
        continue;
      }
      Pep508 p = Pep508.parse(item.asText());
      if (p != null) {
        put(out, new Declared(p.name(), p.url() != null ? "@ " + p.url() : p.specifier(), kind, p.marker(), source, out.size()));
      }
    }
  }

  private static void poetryTable(Map<String, Declared> out, JsonNode table, DependencyKind kind, String source) {
    if (table == null || !table.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase("python")) {
        continue;
      }
      JsonNode v = e.getValue();
      List<JsonNode> alternatives = new ArrayList<>();
      if (v.isArray()) {
        v.forEach(alternatives::add);
      } else {
        alternatives.add(v);
      }
      for (JsonNode alt : alternatives) {
        String spec;
        DependencyKind k = kind;
        String marker = null;
        if (alt.isTextual()) {
          spec = alt.asText();
        } else {
          spec = Parsers.text(alt, "version");
          if (alt.path("optional").asBoolean(false)) {
            k = DependencyKind.OPTIONAL;
          }
          marker = Parsers.text(alt, "markers");
          if (spec == null) {
            for (String src : List.of("path", "git", "url", "file")) {
              if (Parsers.text(alt, src) != null) {
                spec = src + ":" + Parsers.text(alt, src);
              }
            }
          }
        }
        put(out, new Declared(e.getKey(), spec, k, marker, source, out.size()));
      }
    }
  }

  private static void put(Map<String, Declared> out, Declared d) {
    String key = Pep503.normalize(d.name());
    Declared prev = out.get(key);
    if (prev == null || d.kind() == DependencyKind.RUNTIME && prev.kind() != DependencyKind.RUNTIME) {
      out.put(key, d);
    }
  }
}
