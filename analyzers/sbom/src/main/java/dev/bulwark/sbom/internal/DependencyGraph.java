package dev.bulwark.sbom.internal;

import dev.bulwark.model.DependencyKind;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Propagates what a dependency is needed for along lockfile edges: a package reachable from a runtime root
 * is runtime; otherwise optional, then development, then test. Linear in nodes plus edges.
 */
public final class DependencyGraph {

  private static final List<DependencyKind> PRIORITY = List.of(DependencyKind.RUNTIME, DependencyKind.PROVIDED,
      DependencyKind.OPTIONAL, DependencyKind.DEVELOPMENT, DependencyKind.TEST);

  private DependencyGraph() {}

  /**
   * @param edges node to the nodes it depends on
   * @param roots the direct dependencies of first-party code, by what they are needed for
   * @return the kind of every reachable node
   */
  public static Map<String, DependencyKind> kinds(Map<String, ? extends Collection<String>> edges,
      Map<DependencyKind, ? extends Collection<String>> roots) {
    Map<String, DependencyKind> out = new HashMap<>();
    for (DependencyKind kind : PRIORITY) {
      Collection<String> start = roots.get(kind);
      if (start == null) {
        continue;
      }
      ArrayDeque<String> queue = new ArrayDeque<>();
      for (String r : start) {
        if (out.putIfAbsent(r, kind) == null) {
          queue.add(r);
        }
      }
      while (!queue.isEmpty()) {
        String n = queue.poll();
        Collection<String> next = edges.get(n);
        if (next == null) {
          continue;
        }
        for (String m : next) {
          if (out.putIfAbsent(m, kind) == null) {
            queue.add(m);
          }
        }
      }
    }
    return out;
  }
}
