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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PDM's {@code pdm.lock}: kinds from each package's {@code groups} ({@code default} is runtime) or, in older locks
 * without them, from the locked groups and the pyproject's declarations propagated along the edges; edges from the
 * PEP 508 {@code dependencies} strings, direct packages from the pyproject beside it, path and editable
 * packages first-party.
 */
public final class PdmLockCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/pdm-lock";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("pdm.lock") && file.kind() == FileKind.TEXT;
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
    Map<String, String> refByName = new HashMap<>();
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    Map<String, JsonNode> nodes = new HashMap<>();
    boolean kindsKnown = false;
    for (JsonNode p : packages) {
      String name = Parsers.text(p, "name");
      if (name == null) {
        throw new UnreadableInputException(file.path(), "a [[package]] has no name");
      }
      String version = Parsers.text(p, "version");
      boolean local = p.has("path") || p.path("editable").asBoolean(false) && !p.has("git");
      Integer line = lines.get(name + "@" + version);
      Component.Builder b = PyComponents.library(name, version,
          line == null ? Location.of(file.path()) : Location.atLine(file.path(), line)).firstParty(local);
      JsonNode groups = p.get("groups");
      if (groups != null && groups.isArray() && !groups.isEmpty()) {
        kindsKnown = true;
        DependencyKind best = null;
        for (JsonNode g : groups) {
          DependencyKind k = PyProject.groupKind(g.asText());
          best = best == null || k.ordinal() < best.ordinal() ? k : best;
        }
        b.kind(best);
      }
      if (p.has("git")) {
        b.property("python:source", "git:" + Parsers.text(p, "git"));
      }
      if (pyproject != null && !local) {
        b.scope(pyproject.declared().containsKey(Pep503.normalize(name)) ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE);
      }
      String ref = b.build().ref();
      builders.putIfAbsent(ref, b);
      nodes.put(ref, p);
      refByName.put(Pep503.normalize(name), ref);
    }
    Map<String, List<String>> edges = new HashMap<>();
    nodes.forEach((ref, p) -> {
      for (JsonNode d : p.path("dependencies")) {
        Pep508 req = Pep508.parse(d.asText());
        String to = req == null ? null : refByName.get(Pep503.normalize(req.name()));
        if (to != null && !to.equals(ref)) {
          builders.get(ref).dependsOn(to);
          edges.computeIfAbsent(ref, x -> new ArrayList<>()).add(to);
        }
      }
    });
    if (!kindsKnown) {
      inferKinds(root, pyproject, refByName, edges, builders);
    }
    List<Component> out = new ArrayList<>();
    builders.values().forEach(b -> out.add(b.build()));
    return out;
  }

  /**
   * Locks written without the {@code inherit_metadata} strategy have no per-package groups: a lock of the default
   * group alone is all runtime, else the kinds propagate from the pyproject's declarations along the edges.
   */
  private static void inferKinds(JsonNode root, PyProject pyproject, Map<String, String> refByName,
      Map<String, List<String>> edges, Map<String, Component.Builder> builders) {
    JsonNode locked = root.path("metadata").path("groups");
    if (locked.isArray() && locked.size() == 1 && "default".equals(locked.get(0).asText())) {
      builders.values().forEach(b -> b.kind(DependencyKind.RUNTIME));
      return;
    }
    if (pyproject == null) {
      return;
    }
    Map<DependencyKind, List<String>> roots = new HashMap<>();
    pyproject.declared().forEach((name, d) -> {
      String ref = refByName.get(name);
      if (ref != null) {
        roots.computeIfAbsent(d.kind(), x -> new ArrayList<>()).add(ref);
      }
    });
    DependencyGraph.kinds(edges, roots).forEach((ref, kind) -> builders.get(ref).kind(kind));
  }
}
