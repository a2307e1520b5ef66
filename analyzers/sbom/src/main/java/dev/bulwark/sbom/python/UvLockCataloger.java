package dev.bulwark.sbom.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.DependencyGraph;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Pep503;
import dev.bulwark.sbom.internal.TomlPackageLines;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * uv's {@code uv.lock} ({@code [[package]]}, or {@code [[distribution]]} with string sources as uv 0.2 wrote them):
 * workspace members and editable, virtual, directory and path sources are first-party;
 * their dependencies, optional dependencies and dependency groups are the direct ones; kinds propagate along
 * the locked edges ({@code dependencies}, {@code optional-dependencies}).
 */
public final class UvLockCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/uv-lock";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("uv.lock") && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String text = Parsers.readText(file, context);
    JsonNode root = Parsers.toml(file.path(), text);
    JsonNode packages = Parsers.arrayOfTables(root, "package", file.path());
    if (packages == null) {
      // uv 0.2 (mid-2024) wrote [[distribution]] tables with the same fields
      packages = Parsers.arrayOfTables(root, "distribution", file.path());
    }
    if (packages == null) {
      return List.of();
    }
    Map<String, Integer> lines = TomlPackageLines.of(text);
    Map<String, Component.Builder> builders = new HashMap<>();
    List<String> order = new ArrayList<>();
    Map<String, JsonNode> nodes = new HashMap<>();
    Map<String, List<String>> refsByName = new HashMap<>();
    Set<String> firstParty = new LinkedHashSet<>();
    for (JsonNode p : packages) {
      String name = Parsers.text(p, "name");
      if (name == null) {
        throw new UnreadableInputException(file.path(), "a [[package]] has no name");
      }
      String version = Parsers.text(p, "version");
      JsonNode source = sourceTable(p.path("source"));
      boolean local = source.has("editable") || source.has("virtual") || source.has("directory") || source.has("path")
          || source.has("workspace");
      Integer line = lines.get(name + "@" + version);
      Component.Builder b = PyComponents.library(name, version,
          line == null ? Location.of(file.path()) : Location.atLine(file.path(), line)).firstParty(local);
      if (local) {
        b.kind(DependencyKind.RUNTIME);
      }
      source.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("registry")) {
          b.property("python:source", e.getKey() + ":" + e.getValue().asText());
        }
      });
      String sdistHash = Parsers.text(p.path("sdist"), "hash");
      if (sdistHash != null && sdistHash.startsWith("sha256:")) {
        b.hash("SHA-256", sdistHash.substring(7).toLowerCase(Locale.ROOT));
      }
      String ref = b.build().ref();
      if (!builders.containsKey(ref)) {
        order.add(ref);
      }
      builders.put(ref, b);
      nodes.put(ref, p);
      refsByName.computeIfAbsent(Pep503.normalize(name), x -> new ArrayList<>()).add(ref);
      if (local) {
        firstParty.add(ref);
      }
    }
    Map<String, List<String>> edges = new HashMap<>();
    Map<DependencyKind, List<String>> roots = new HashMap<>();
    Set<String> direct = new LinkedHashSet<>();
    for (String ref : order) {
      JsonNode p = nodes.get(ref);
      boolean fp = firstParty.contains(ref);
      for (String target : targets(p.get("dependencies"), refsByName)) {
        link(builders, edges, ref, target);
        if (fp) {
          roots.computeIfAbsent(DependencyKind.RUNTIME, x -> new ArrayList<>()).add(target);
          direct.add(target);
        }
      }
      JsonNode optional = p.get("optional-dependencies");
      if (optional != null && optional.isObject()) {
        optional.fields().forEachRemaining(e -> {
          for (String target : targets(e.getValue(), refsByName)) {
            edges.computeIfAbsent(ref, x -> new ArrayList<>()).add(target);
            if (fp) {
              builders.get(ref).dependsOn(target);
              roots.computeIfAbsent(DependencyKind.OPTIONAL, x -> new ArrayList<>()).add(target);
              direct.add(target);
            }
          }
        });
      }
      JsonNode dev = p.get("dev-dependencies");
      if (dev != null && dev.isObject() && fp) {
        dev.fields().forEachRemaining(e -> {
          DependencyKind k = PyProject.groupKind(e.getKey());
          for (String target : targets(e.getValue(), refsByName)) {
            link(builders, edges, ref, target);
            roots.computeIfAbsent(k == DependencyKind.RUNTIME ? DependencyKind.DEVELOPMENT : k, x -> new ArrayList<>()).add(target);
            direct.add(target);
          }
        });
      }
    }
    Map<String, DependencyKind> kinds = DependencyGraph.kinds(edges, roots);
    List<Component> out = new ArrayList<>();
    for (String ref : order) {
      Component.Builder b = builders.get(ref);
      if (!firstParty.contains(ref)) {
        b.scope(direct.contains(ref) ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE);
        b.kind(kinds.getOrDefault(ref, DependencyKind.UNKNOWN));
      }
      out.add(b.build());
    }
    return out;
  }

  /** {@code { kind = value }}; uv 0.2 wrote the source as a string {@code kind+value} ({@code registry+https://…}). */
  private static JsonNode sourceTable(JsonNode source) {
    if (!source.isTextual()) {
      return source;
    }
    String s = source.asText();
    int plus = s.indexOf('+');
    ObjectNode table = JsonNodeFactory.instance.objectNode();
    if (plus > 0) {
      table.put(s.substring(0, plus), s.substring(plus + 1));
    }
    return table;
  }

  private static void link(Map<String, Component.Builder> builders, Map<String, List<String>> edges, String from, String to) {
    builders.get(from).dependsOn(to);
    edges.computeIfAbsent(from, x -> new ArrayList<>()).add(to);
  }

  /** Entries {@code { name, version?, source? }}: the exact version when given, else every locked one. */
  private static List<String> targets(JsonNode list, Map<String, List<String>> refsByName) {
    List<String> out = new ArrayList<>();
    if (list == null || !list.isArray()) {
      return out;
    }
    for (JsonNode d : list) {
      String name = Parsers.text(d, "name");
      if (name == null) {
        continue;
      }
      List<String> candidates = refsByName.getOrDefault(Pep503.normalize(name), List.of());
      String version = Parsers.text(d, "version");
      if (version != null && candidates.size() > 1) {
        for (String c : candidates) {
          if (c.endsWith("@" + version)) {
            out.add(c);
          }
        }
      } else {
        out.addAll(candidates);
      }
    }
    return out;
  }
}
