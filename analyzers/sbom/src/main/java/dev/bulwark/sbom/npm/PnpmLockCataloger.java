package dev.bulwark.sbom.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
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

  /** Direct dependencies of an importer; the env document's config dependencies and pnpm itself are tooling. */
  private static final List<String> SECTIONS = List.of("dependencies", "optionalDependencies", "devDependencies",
      "configDependencies", "packageManagerDependencies");

  private static final int MAX_DOCUMENTS = 4;

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
    // pnpm 11+ may write an env document (config dependencies, pnpm itself) before the project's document
    List<JsonNode> documents = Parsers.yamlDocuments(file.path(), text, MAX_DOCUMENTS);
    Map<String, Integer> lines = keyLines(text);
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    Map<String, List<String>> edges = new HashMap<>();
    Map<String, List<String>> optionalEdges = new HashMap<>();
    Map<DependencyKind, List<String>> roots = new HashMap<>();
    Set<String> direct = new LinkedHashSet<>();
    for (JsonNode root : documents) {
      new Document(file, root, lines, builders).read(edges, optionalEdges, roots, direct);
    }
    Map<String, DependencyKind> kinds = OptionalEdgeKinds.of(edges, optionalEdges, roots);
    List<Component> out = new ArrayList<>();
    builders.forEach((ref, b) -> {
      if (!b.build().firstParty()) {
        b.scope(direct.contains(ref) ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE);
        b.kind(kinds.getOrDefault(ref, DependencyKind.UNKNOWN));
      }
      out.add(b.build());
    });
    return out;
  }

  /** One YAML document of the lockfile: its packages, their edges and its importers' direct dependencies. */
  private static final class Document {

    private final ScanFile file;
    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final Map<String, Component.Builder> builders;
    private final boolean v5;
    /** packages key without leading slash and peer suffix -> component ref */
    private final Map<String, String> refByKey = new HashMap<>();

    Document(ScanFile file, JsonNode root, Map<String, Integer> lines, Map<String, Component.Builder> builders) {
      this.file = file;
      this.root = root;
      this.lines = lines;
      this.builders = builders;
      this.v5 = majorVersion(Parsers.text(root, "lockfileVersion")) < 6;
    }

    void read(Map<String, List<String>> edges, Map<String, List<String>> optionalEdges,
        Map<DependencyKind, List<String>> roots, Set<String> direct) {
      JsonNode packages = root.path("packages");
      for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String ref = addPackage(e.getKey(), e.getValue());
        if (ref != null) {
          refByKey.put(normalKey(e.getKey(), v5), ref);
        }
      }
      JsonNode edgesSource = root.has("snapshots") ? root.get("snapshots") : packages;
      for (Iterator<Map.Entry<String, JsonNode>> it = edgesSource.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String from = refByKey.get(normalKey(e.getKey(), v5));
        if (from == null) {
          continue;
        }
        for (String section : List.of("dependencies", "optionalDependencies")) {
          JsonNode deps = e.getValue().get(section);
          if (deps == null || !deps.isObject()) {
            continue;
          }
          Map<String, List<String>> into = section.equals("dependencies") ? edges : optionalEdges;
          deps.fields().forEachRemaining(d -> {
            String to = target(d.getKey(), d.getValue().asText());
            if (to != null && !to.equals(from)) {
              builders.get(from).dependsOn(to);
              into.computeIfAbsent(from, x -> new ArrayList<>()).add(to);
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
      for (JsonNode importer : importers) {
        for (String section : SECTIONS) {
          JsonNode deps = importer.get(section);
          if (deps == null || !deps.isObject()) {
            continue;
          }
          DependencyKind kind = section.equals("dependencies") ? DependencyKind.RUNTIME
              : section.equals("optionalDependencies") ? DependencyKind.OPTIONAL : DependencyKind.DEVELOPMENT;
          deps.fields().forEachRemaining(d -> {
            JsonNode v = d.getValue();
            String version = v.isObject() ? Parsers.text(v, "version") : v.asText();
            String to = version == null ? null : target(d.getKey(), version);
            if (to != null) {
              // a file: package is first-party but still a root: what it depends on is needed as it is
              roots.computeIfAbsent(kind, x -> new ArrayList<>()).add(to);
              if (!builders.get(to).build().firstParty()) {
                direct.add(to);
              }
            }
          });
        }
      }
    }

    /** Adds (or merges into) the component of one packages entry; its ref, or null when the key names none. */
    private String addPackage(String key, JsonNode entry) {
      String[] nv = nameVersion(key, entry, v5);
      if (nv == null) {
        return null;
      }
      JsonNode resolution = entry.path("resolution");
      String[] fromKey = keyNameVersion(key, v5);
      boolean local = normalKey(key, v5).startsWith("file:") || fromKey != null && fromKey[1].startsWith("file:")
          || String.valueOf(Parsers.text(resolution, "tarball")).startsWith("file:")
          || "directory".equals(Parsers.text(resolution, "type")) || resolution.has("directory");
      String version = local ? Parsers.text(entry, "version") : nv[1];
      String ref = local ? "npm-local:" + file.path() + ":" + nv[0] : Purls.npm(nv[0], version);
      Component.Builder b = builders.get(ref);
      if (b == null) {
        b = Component.builder(ComponentType.LIBRARY, nv[0]).version(version).ecosystem(Ecosystems.NPM);
        if (local) {
          b.ref(ref).firstParty(true);
        } else {
          b.purl(ref);
          NpmIntegrity.apply(b, Parsers.text(resolution, "integrity"));
          String tarball = Parsers.text(resolution, "tarball");
          if (tarball != null) {
            b.property("npm:resolved", tarball);
          }
        }
        builders.put(ref, b);
      }
      Integer line = lines.get(key);
      b.location(line == null ? Location.of(file.path()) : Location.atLine(file.path(), line));
      return ref;
    }

    /**
     * The ref a dependency value points at: a version ({@code 1.0.0}, peer-suffixed), an alias
     * ({@code other@1.0.0}, v5/v6 {@code /other/1.0.0}), a non-registry key ({@code github.com/o/r/sha}, a URL)
     * or a local {@code file:} package; null for links, workspace members and what the packages do not hold.
     */
    private String target(String name, String value) {
      if (value.startsWith("link:") || value.startsWith("workspace:")) {
        return null;
      }
      String v = stripPeers(value, v5);
      if (v.startsWith("/")) {
        return refByKey.get(normalKey(v, v5));
      }
      String ref = refByKey.get(name + (v5 ? "/" : "@") + v);
      return ref != null ? ref : refByKey.get(v);
    }
  }

  /** The major lockfile version ("5.4", "5.4-inlineSpecifiers", "6.0", "9.0"); 9 when absent or unreadable. */
  static int majorVersion(String lockfileVersion) {
    if (lockfileVersion == null) {
      return 9;
    }
    int end = 0;
    while (end < lockfileVersion.length() && end < 4 && Character.isDigit(lockfileVersion.charAt(end))) {
      end++;
    }
    return end == 0 ? 9 : Integer.parseInt(lockfileVersion.substring(0, end));
  }

  /** A packages/snapshots key without its leading slash and peer suffix. */
  static String normalKey(String key, boolean v5) {
    return stripPeers(key.startsWith("/") ? key.substring(1) : key, v5);
  }

  /**
   * Name and version of a packages/snapshots key, peer suffix removed; the entry's own {@code name} and
   * {@code version} fields win (non-registry packages: git, tarballs, local folders). Null when it names no package.
   */
  static String[] nameVersion(String key, JsonNode entry, boolean v5) {
    String name = entry == null ? null : Parsers.text(entry, "name");
    String version = entry == null ? null : Parsers.text(entry, "version");
    if (name != null && version != null) {
      return new String[] {name, version};
    }
    String[] fromKey = keyNameVersion(key, v5);
    if (fromKey == null) {
      return name == null ? null : new String[] {name, version == null ? "" : version};
    }
    return new String[] {name != null ? name : fromKey[0], version != null ? version : fromKey[1]};
  }

  private static String[] keyNameVersion(String key, boolean v5) {
    String k = normalKey(key, v5);
    if (v5 || key.startsWith("/") && k.indexOf('@', k.startsWith("@") ? 1 : 0) < 0) {
      int slash = k.lastIndexOf('/');
      return slash <= 0 ? null : new String[] {k.substring(0, slash), k.substring(slash + 1)};
    }
    int at = k.indexOf('@', k.startsWith("@") ? 1 : 0);
    return at <= 0 ? null : new String[] {k.substring(0, at), k.substring(at + 1)};
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
