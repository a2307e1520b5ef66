package dev.bulwark.sbom.python;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Poetry's {@code poetry.lock}: every locked package, kinds from {@code groups} (Poetry 2) or {@code category}
 * (Poetry 1.0-1.4), else from the dependency graph rooted at the pyproject's declarations; direct when the
 * pyproject beside it declares the package; edges from {@code [package.dependencies]}; path sources first-party.
 */
public final class PoetryLockCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/poetry-lock";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("poetry.lock") && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String text = Parsers.readText(file, context);
    JsonNode root = Parsers.toml(file.path(), text);
    JsonNode packages = Parsers.arrayOfTables(root, "package", file.path());
    if (packages == null) {
      return List.of();
    }
    Map<String, Integer> lines = TomlPackageLines.of(text);
    PyProject pyproject = PyProject.beside(file, context).orElse(null);
    Map<String, List<String>> refsByName = new HashMap<>();
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    Map<String, JsonNode> nodes = new HashMap<>();
    boolean kindsKnown = false;
    for (JsonNode p : packages) {
      String name = Parsers.text(p, "name");
      String version = Parsers.text(p, "version");
      if (name == null) {
        throw new UnreadableInputException(file.path(), "a [[package]] has no name");
      }
      JsonNode source = p.path("source");
      String type = Parsers.text(source, "type");
      boolean local = "directory".equals(type) || "file".equals(type);
      Integer line = lines.get(name + "@" + version);
      Component.Builder b = PyComponents.library(name, version,
          line == null ? Location.of(file.path()) : Location.atLine(file.path(), line)).firstParty(local);
      if (type != null && !type.equals("legacy")) {
        b.property("python:source", type + ":" + Parsers.text(source, "url"));
      }
      DependencyKind k = declaredKind(p);
      if (k != null) {
        // Poetry 1.5-1.8 locks have neither groups nor category: optional alone does not tell dev from main
        kindsKnown |= p.has("groups") || p.has("category");
        b.kind(k);
      }
      String ref = b.build().ref();
      builders.put(ref, b);
      nodes.put(ref, p);
      refsByName.computeIfAbsent(Pep503.normalize(name), x -> new ArrayList<>()).add(ref);
    }
    Map<String, List<String>> edges = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : nodes.entrySet()) {
      JsonNode deps = e.getValue().get("dependencies");
      if (deps == null || !deps.isObject()) {
        continue;
      }
      for (Iterator<String> it = deps.fieldNames(); it.hasNext(); ) {
        for (String target : refsByName.getOrDefault(Pep503.normalize(it.next()), List.of())) {
          builders.get(e.getKey()).dependsOn(target);
          edges.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(target);
        }
      }
    }
    if (pyproject != null) {
      Map<DependencyKind, List<String>> roots = new HashMap<>();
      pyproject.declared().forEach((name, d) -> {
        for (String ref : refsByName.getOrDefault(name, List.of())) {
          builders.get(ref).scope(DependencyScope.DIRECT);
          roots.computeIfAbsent(d.kind(), x -> new ArrayList<>()).add(ref);
        }
      });
      builders.forEach((ref, b) -> {
        if (b.build().scope() != DependencyScope.DIRECT) {
          b.scope(DependencyScope.TRANSITIVE);
        }
      });
      if (!kindsKnown) {
        DependencyGraph.kinds(edges, roots).forEach((ref, kind) -> {
          if (kind != DependencyKind.UNKNOWN) {
            builders.get(ref).kind(kind);
          }
        });
      }
    }
    List<Component> out = new ArrayList<>();
    builders.values().forEach(b -> out.add(b.build()));
    return out;
  }

  private static DependencyKind declaredKind(JsonNode p) {
    boolean optional = p.path("optional").asBoolean(false);
    JsonNode groups = p.get("groups");
    if (groups != null && groups.isArray() && !groups.isEmpty()) {
      DependencyKind best = null;
      for (JsonNode g : groups) {
        DependencyKind k = PyProject.groupKind(g.asText());
        if (best == null || k.ordinal() < best.ordinal()) {
          best = k;
        }
      }
      return best == DependencyKind.RUNTIME && optional ? DependencyKind.OPTIONAL : best;
    }
    String category = Parsers.text(p, "category");
    if (category != null) {
      return category.equals("dev") ? DependencyKind.DEVELOPMENT : optional ? DependencyKind.OPTIONAL : DependencyKind.RUNTIME;
    }
    return optional ? DependencyKind.OPTIONAL : null;
  }
}
