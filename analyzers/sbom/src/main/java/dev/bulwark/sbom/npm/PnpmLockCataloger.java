package dev.bulwark.sbom.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.DependencyGraph;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pnpm-lock.yaml}, lockfile versions 5 to 9: packages (peer-dependency variants of one version merge),
 * edges from {@code snapshots} (v9) or the packages themselves (v5/v6), direct dependencies and their kinds
 * from the importers (workspace projects) or the single project's top-level sections; {@code link:}
 * dependencies are workspace members.
 */
public final class PnpmLockCataloger implements Cataloger {

  private static final List<String> SECTIONS = List.of("dependencies", "optionalDependencies", "devDependencies");

  @Override
  public String id() {
    return "sbom/pnpm-lock";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("pnpm-lock.yaml") && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String text = Parsers.readText(file, context);
    JsonNode root = Parsers.yaml(file.path(), text);
    String lockVersion = Parsers.text(root, "lockfileVersion");
    boolean v5 = lockVersion != null && lockVersion.startsWith("5");
    Map<String, Integer> lines = keyLines(text);
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    JsonNode packages = root.path("packages");
    for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String[] nv = nameVersion(e.getKey(), e.getValue(), v5);
      if (nv == null) {
        continue;
      }
      String purl = Purls.npm(nv[0], nv[1]);
      Component.Builder b = builders.get(purl);
      if (b == null) {
        b = Component.builder(ComponentType.LIBRARY, nv[0]).version(nv[1]).purl(purl).ecosystem(Ecosystems.NPM);
        NpmIntegrity.apply(b, Parsers.text(e.getValue().path("resolution"), "integrity"));
        String tarball = Parsers.text(e.getValue().path("resolution"), "tarball");
        if (tarball != null) {
          b.property("npm:resolved", tarball);
        }
        builders.put(purl, b);
      }
      Integer line = lines.get(e.getKey());
      b.location(line == null ? Location.of(file.path()) : Location.atLine(file.path(), line));
    }
    JsonNode edgesSource = root.has("snapshots") ? root.get("snapshots") : packages;
    Map<String, List<String>> edges = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = edgesSource.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String[] nv = nameVersion(e.getKey(), e.getValue(), v5);
      String from = nv == null ? null : Purls.npm(nv[0], nv[1]);
      if (from == null || !builders.containsKey(from)) {
        continue;
      }
      for (String section : List.of("dependencies", "optionalDependencies")) {
        JsonNode deps = e.getValue().get(section);
        if (deps == null || !deps.isObject()) {
          continue;
        }
        deps.fields().forEachRemaining(d -> {
          String to = target(d.getKey(), d.getValue().asText(), v5);
          if (to != null && builders.containsKey(to) && !to.equals(from)) {
            builders.get(from).dependsOn(to);
            edges.computeIfAbsent(from, x -> new ArrayList<>()).add(to);
          }
        });
      }
    }
    List<JsonNode> importers = new ArrayList<>();
    if (root.has("importers")) {
      root.get("importers").forEach(importers::add);
    } else {
      importers.add(root);
    }
    Map<DependencyKind, List<String>> roots = new HashMap<>();
    Set<String> direct = new LinkedHashSet<>();
    for (JsonNode importer : importers) {
      for (String section : SECTIONS) {
        JsonNode deps = importer.get(section);
        if (deps == null || !deps.isObject()) {
          continue;
        }
        DependencyKind kind = section.equals("devDependencies") ? DependencyKind.DEVELOPMENT
            : section.equals("optionalDependencies") ? DependencyKind.OPTIONAL : DependencyKind.RUNTIME;
        deps.fields().forEachRemaining(d -> {
          JsonNode v = d.getValue();
          String version = v.isObject() ? Parsers.text(v, "version") : v.asText();
          String to = version == null ? null : target(d.getKey(), version, v5);
          if (to != null && builders.containsKey(to)) {
            roots.computeIfAbsent(kind, x -> new ArrayList<>()).add(to);
            direct.add(to);
          }
        });
      }
    }
    Map<String, DependencyKind> kinds = DependencyGraph.kinds(edges, roots);
    List<Component> out = new ArrayList<>();
    builders.forEach((ref, b) -> {
      b.scope(direct.contains(ref) ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE);
      b.kind(kinds.getOrDefault(ref, DependencyKind.UNKNOWN));
      out.add(b.build());
    });
    return out;
  }

  /** Name and version of a packages/snapshots key, peer suffix removed; null when it names no package. */
  static String[] nameVersion(String key, JsonNode entry, boolean v5) {
    String name = Parsers.text(entry, "name");
    String version = Parsers.text(entry, "version");
    if (name != null && version != null) {
      return new String[] {name, version};
    }
    String k = stripPeers(key.startsWith("/") ? key.substring(1) : key, v5);
    if (v5 || key.startsWith("/") && k.indexOf('@', k.startsWith("@") ? 1 : 0) < 0) {
      int slash = k.lastIndexOf('/');
      return slash <= 0 ? null : new String[] {k.substring(0, slash), k.substring(slash + 1)};
    }
    int at = k.indexOf('@', k.startsWith("@") ? 1 : 0);
    return at <= 0 ? null : new String[] {k.substring(0, at), k.substring(at + 1)};
  }

  /** The purl a dependency value points at: a version, a peer-suffixed version, or an alias. */
  static String target(String name, String value, boolean v5) {
    if (value.startsWith("link:") || value.startsWith("file:") || value.startsWith("workspace:")) {
      return null;
    }
    String v = stripPeers(value, v5);
    if (v.startsWith("/")) {
      String[] nv = nameVersion(v, null, v5);
      return nv == null ? null : Purls.npm(nv[0], nv[1]);
    }
    int at = v.indexOf('@', v.startsWith("@") ? 1 : 0);
    if (at > 0) {
      return Purls.npm(v.substring(0, at), v.substring(at + 1));
    }
    return Purls.npm(name, v);
  }

  private static String stripPeers(String s, boolean v5) {
    int paren = s.indexOf('(');
    String out = paren < 0 ? s : s.substring(0, paren);
    if (v5) {
      int slash = out.lastIndexOf('/');
      int underscore = out.indexOf('_', Math.max(slash, 0));
      if (underscore > 0) {
        out = out.substring(0, underscore);
      }
    }
    return out;
  }

  /** Line of each two-space-indented key (the package keys), from a plain scan. */
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
      if (end - pos > 3 && text.startsWith("  ", pos) && text.charAt(pos + 2) != ' ') {
        String l = text.substring(pos + 2, end).strip();
        if (l.endsWith(":") || l.endsWith("{}")) {
          String key = l.endsWith("{}") ? l.substring(0, l.lastIndexOf(':')) : l.substring(0, l.length() - 1);
          if (key.length() >= 2 && (key.charAt(0) == '\'' || key.charAt(0) == '"')) {
            key = key.substring(1, key.length() - 1);
          }
          out.putIfAbsent(key, line);
        }
      }
      pos = end + 1;
    }
    return out;
  }
}
