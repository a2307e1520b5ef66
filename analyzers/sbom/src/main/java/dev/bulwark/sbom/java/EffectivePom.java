package dev.bulwark.sbom.java;

import dev.bulwark.spi.FileTree;
import dev.bulwark.spi.ScanFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A POM with what it inherits from parents found in the target and with the dependency management of
 * imported BOMs found in the target: merged properties (child wins) and managed versions, interpolated
 * the way Maven does after inheritance. Parent chains and BOM imports are bounded and cycle-safe.
 */
final class EffectivePom {

  static final int MAX_DEPTH = 12;

  private final Pom pom;
  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, Pom.Dep> managed = new LinkedHashMap<>();
  private final List<Pom> chain = new ArrayList<>();

  private EffectivePom(Pom pom) {
    this.pom = pom;
  }

  Pom pom() {
    return pom;
  }

  /** The POM and its parents found in the target, child first. */
  List<Pom> chain() {
    return chain;
  }

  static EffectivePom of(Pom pom, ScanFile file, PomIndex index, FileTree tree) {
    return of(pom, file, index, tree, new HashSet<>(), 0);
  }

  private static EffectivePom of(Pom pom, ScanFile file, PomIndex index, FileTree tree, Set<String> seen, int depth) {
    EffectivePom e = new EffectivePom(pom);
    Pom current = pom;
    ScanFile currentFile = file;
    Set<String> visited = new HashSet<>();
    while (current != null && e.chain.size() < MAX_DEPTH && visited.add(currentFile.path())) {
      e.chain.add(current);
      ScanFile parentFile = current.parent() == null ? null : findParent(current, currentFile, index, tree).orElse(null);
      current = parentFile == null ? null : index.pom(parentFile).orElse(null);
      currentFile = parentFile;
    }
    // properties: the farthest ancestor first so that children override
    for (int i = e.chain.size() - 1; i >= 0; i--) {
      e.properties.putAll(e.chain.get(i).properties());
    }
    Pom top = e.chain.get(0);
    putProject(e.properties, "project.", top);
    putProject(e.properties, "pom.", top);
    if (top.parent() != null) {
      putIfValue(e.properties, "project.parent.groupId", top.parent().groupId());
      putIfValue(e.properties, "project.parent.artifactId", top.parent().artifactId());
      putIfValue(e.properties, "project.parent.version", top.parent().version());
      putIfValue(e.properties, "parent.groupId", top.parent().groupId());
      putIfValue(e.properties, "parent.version", top.parent().version());
    }
    // managed: child entries win over the parent's, explicit entries over imported BOMs
    List<Pom.Dep> imports = new ArrayList<>();
    for (Pom p : e.chain) {
      for (Pom.Dep d : p.managed()) {
        String g = e.interpolate(d.groupId());
        String a = e.interpolate(d.artifactId());
        if ("import".equals(d.scope()) && "pom".equals(d.type())) {
          imports.add(d);
        } else if (g != null && a != null) {
          e.managed.putIfAbsent(g + ":" + a, d);
        }
      }
    }
    if (depth < MAX_DEPTH) {
      for (Pom.Dep bom : imports) {
        String g = e.interpolate(bom.groupId());
        String a = e.interpolate(bom.artifactId());
        if (g == null || a == null || !seen.add(g + ":" + a)) {
          continue;
        }
        Optional<ScanFile> bomFile = index.find(g, a);
        Optional<Pom> bomPom = bomFile.flatMap(index::pom);
        if (bomPom.isPresent()) {
          EffectivePom imported = of(bomPom.get(), bomFile.get(), index, tree, seen, depth + 1);
          imported.managed.forEach((k, d) -> e.managed.putIfAbsent(k,
              new Pom.Dep(g(imported, d.groupId()), g(imported, d.artifactId()), g(imported, d.version()),
                  d.scope(), d.type(), d.classifier(), d.optional())));
        }
      }
    }
    return e;
  }

  private static String g(EffectivePom p, String s) {
    return p.interpolate(s);
  }

  private static void putProject(Map<String, String> props, String prefix, Pom p) {
    putIfValue(props, prefix + "groupId", p.effectiveGroupId());
    putIfValue(props, prefix + "artifactId", p.artifactId());
    putIfValue(props, prefix + "version", p.effectiveVersion());
    putIfValue(props, prefix + "packaging", p.packaging() == null ? "jar" : p.packaging());
  }

  private static void putIfValue(Map<String, String> props, String key, String value) {
    if (value != null) {
      props.put(key, value);
    }
  }

  static Optional<ScanFile> findParent(Pom pom, ScanFile file, PomIndex index, FileTree tree) {
    Pom.Parent parent = pom.parent();
    String rel = parent.relativePath();
    if (!rel.isEmpty()) {
      String candidate = resolve(file.parent(), rel.endsWith(".xml") ? rel : rel + (rel.endsWith("/") ? "" : "/") + "pom.xml");
      if (candidate != null) {
        Optional<ScanFile> f = tree.file(candidate);
        if (f.isPresent()) {
          Optional<Pom> p = index.pom(f.get());
          if (p.isPresent() && parent.artifactId() != null && parent.artifactId().equals(p.get().artifactId())) {
            return f;
          }
        }
      }
    }
    if (parent.groupId() == null || parent.artifactId() == null) {
      return Optional.empty();
    }
    return index.find(parent.groupId(), parent.artifactId());
  }

  /** Joins a folder and a relative path, resolving {@code ..}; null when it climbs above the root. */
  static String resolve(String folder, String relative) {
    List<String> parts = new ArrayList<>();
    if (!folder.isEmpty()) {
      parts.addAll(List.of(folder.split("/")));
    }
    for (String seg : relative.replace('\\', '/').split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(seg);
      }
    }
    return String.join("/", parts);
  }

  Optional<Pom.Dep> managed(String groupId, String artifactId) {
    return Optional.ofNullable(managed.get(groupId + ":" + artifactId));
  }

  /** Replaces {@code ${name}} references, repeatedly to a bounded depth; unknown ones stay as written. */
  String interpolate(String value) {
    if (value == null || !value.contains("${")) {
      return value;
    }
    String v = value;
    for (int round = 0; round < 10 && v.contains("${"); round++) {
      StringBuilder b = new StringBuilder();
      int i = 0;
      boolean changed = false;
      while (i < v.length()) {
        int open = v.indexOf("${", i);
        if (open < 0) {
          b.append(v, i, v.length());
          break;
        }
        int close = v.indexOf('}', open + 2);
        if (close < 0) {
          b.append(v, i, v.length());
          break;
        }
        b.append(v, i, open);
        String key = v.substring(open + 2, close);
        String replacement = properties.get(key);
        if (replacement != null) {
          b.append(replacement);
          changed = true;
        } else {
          b.append(v, open, close + 1);
        }
        i = close + 1;
      }
      v = b.toString();
      if (!changed || v.length() > 4096) {
        break;
      }
    }
    return v;
  }
}
