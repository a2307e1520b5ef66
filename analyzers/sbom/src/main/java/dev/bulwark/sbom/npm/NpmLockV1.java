package dev.bulwark.sbom.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lockfile version 1: a tree of {@code dependencies} with {@code requires} edges, walked to a bounded depth. */
final class NpmLockV1 {

  private static final int MAX_DEPTH = 128;

  private final ScanFile file;
  private final Map<String, Integer> lines;
  private final Map<String, JsonNode> byPath = new LinkedHashMap<>();
  private final Map<String, String> refByPath = new HashMap<>();

  private NpmLockV1(ScanFile file, Map<String, Integer> lines) {
    this.file = file;
    this.lines = lines;
  }

  static List<Component> read(ScanFile file, JsonNode root, JsonNode deps, PackageJson pj, Map<String, Integer> lines)
      throws UnreadableInputException {
    NpmLockV1 r = new NpmLockV1(file, lines);
    r.collect("", deps, 0);
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : r.byPath.entrySet()) {
      String path = e.getKey();
      JsonNode p = e.getValue();
      String key = NpmLockCataloger.nameFromKey(path);
      String name = key;
      String version = Parsers.text(p, "version");
      boolean firstParty = false;
      String url = null;
      if (version != null && version.contains("://") && !version.startsWith("git")) {
        // a tarball URL dependency: v1 writes the URL as its version; a registry tarball path names the package
        url = version;
        String[] nv = registryTarball(url);
        name = nv == null ? key : nv[0];
        version = nv == null ? null : nv[1];
      } else if (version != null && version.startsWith("npm:")) {
        // alias: "npm:real-name@1.2.3"
        String spec = version.substring(4);
        int at = spec.lastIndexOf('@');
        if (at > 0) {
          name = spec.substring(0, at);
          version = spec.substring(at + 1);
        }
      } else if (version != null && (version.startsWith("file:") || version.startsWith("link:"))) {
        // a folder of the project: v1 records only the path, so no version, and a local ref as pnpm and yarn give it
        firstParty = true;
        version = null;
      }
      Component.Builder b = Component.builder(ComponentType.LIBRARY, name).version(version)
          .ecosystem(Ecosystems.NPM).firstParty(firstParty)
          .kind(NpmLockCataloger.kind(p)).scope(firstParty ? DependencyScope.UNKNOWN : DependencyScope.TRANSITIVE)
          .location(NpmLockCataloger.location(file, lines.get("dependencies\0" + key)));
      if (firstParty) {
        b.ref("npm-local:" + file.path() + ":" + key);
      } else {
        b.purl(Purls.npm(name, version));
      }
      if (!name.equals(key)) {
        b.property("npm:alias", key);
      }
      if (url != null && version == null) {
        b.property(Component.UNPINNED, "true");
      }
      NpmIntegrity.apply(b, Parsers.text(p, "integrity"));
      String resolved = url != null ? url : Parsers.text(p, "resolved");
      if (resolved != null && !resolved.startsWith("https://registry.npmjs.org/")) {
        b.property("npm:resolved", resolved);
      }
      r.refByPath.put(path, b.build().ref());
      builders.put(path, b);
    }
    List<String> rootDeps = new ArrayList<>();
    for (Map.Entry<String, Component.Builder> e : builders.entrySet()) {
      JsonNode requires = r.byPath.get(e.getKey()).get("requires");
      if (requires != null && requires.isObject()) {
        for (Iterator<String> it = requires.fieldNames(); it.hasNext(); ) {
          String target = NpmLockCataloger.resolve(e.getKey(), it.next(), r.refByPath);
          if (target != null) {
            e.getValue().dependsOn(r.refByPath.get(target));
          }
        }
      }
      boolean topLevel = !e.getKey().substring("node_modules/".length()).contains("/node_modules/");
      String name = NpmLockCataloger.nameFromKey(e.getKey());
      if (topLevel && pj != null && pj.declared().containsKey(name)) {
        if (!e.getValue().build().firstParty()) {
          e.getValue().scope(DependencyScope.DIRECT);
        }
        rootDeps.add(r.refByPath.get(e.getKey()));
      } else if (topLevel && pj == null) {
        e.getValue().scope(DependencyScope.UNKNOWN);
      }
    }
    Map<String, Component> out = new LinkedHashMap<>();
    for (Component.Builder b : builders.values()) {
      Component c = b.build();
      out.merge(c.ref(), c, Component::mergedWith);
    }
    String rootName = Parsers.text(root, "name");
    if (rootName != null) {
      String v = Parsers.text(root, "version");
      Component self = Component.builder(ComponentType.APPLICATION, rootName).version(v).purl(Purls.npm(rootName, v))
          .ecosystem(Ecosystems.NPM).firstParty(true).kind(DependencyKind.RUNTIME)
          .location(NpmLockCataloger.location(file, null)).dependsOn(rootDeps).build();
      out.merge(self.ref(), self, Component::mergedWith);
    }
    return List.copyOf(out.values());
  }

  /**
   * Name and version of a registry tarball URL, {@code …/name/-/name-1.2.3.tgz} or
   * {@code …/@scope/name/-/name-1.2.3.tgz} ({@code @scope%2fname} too); null when the URL is not one.
   */
  static String[] registryTarball(String url) {
    String path = url;
    int cut = indexOfAny(path, '?', '#');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    int dash = path.lastIndexOf("/-/");
    if (dash < 0 || !path.endsWith(".tgz")) {
      return null;
    }
    String file = path.substring(dash + 3);
    String[] segments = path.substring(0, dash).split("/");
    if (segments.length < 2 || file.contains("/")) {
      return null;
    }
    String last = segments[segments.length - 1].replace("%2f", "/").replace("%2F", "/").replace("%40", "@");
    String parent = segments[segments.length - 2];
    String name = last.startsWith("@") ? last : parent.startsWith("@") ? parent + "/" + last : last;
    String base = name.substring(name.indexOf('/') + 1);
    if (base.isEmpty() || !file.startsWith(base + "-")) {
      return null;
    }
    String version = file.substring(base.length() + 1, file.length() - ".tgz".length());
    return version.isEmpty() || !Character.isDigit(version.charAt(0)) ? null : new String[] {name, version};
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }

  private void collect(String base, JsonNode deps, int depth) throws UnreadableInputException {
    if (depth > MAX_DEPTH) {
      throw new UnreadableInputException(file.path(), "dependencies nested deeper than " + MAX_DEPTH);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isObject()) {
        continue;
      }
      String path = (base.isEmpty() ? "" : base + "/") + "node_modules/" + e.getKey();
      byPath.put(path, e.getValue());
      JsonNode nested = e.getValue().get("dependencies");
      if (nested != null && nested.isObject()) {
        collect(path, nested, depth + 1);
      }
    }
  }
}
