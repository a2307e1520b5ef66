package dev.bulwark.sbom.npm;

import dev.bulwark.model.DependencyKind;
import dev.bulwark.sbom.internal.DependencyGraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a package is needed for when some edges are optional, as npm and pnpm flag it: runtime when a runtime root
 * reaches it through required edges only; otherwise optional when a runtime or optional root reaches it at all
 * (an optional dependency of a production package, such as a platform binary); otherwise the kind of the roots
 * that reach it (development).
 */
final class OptionalEdgeKinds {

  private OptionalEdgeKinds() {}

  static Map<String, DependencyKind> of(Map<String, ? extends Collection<String>> required,
      Map<String, ? extends Collection<String>> optional, Map<DependencyKind, ? extends Collection<String>> roots) {
    Map<String, List<String>> all = new HashMap<>();
    required.forEach((from, to) -> all.computeIfAbsent(from, x -> new ArrayList<>()).addAll(to));
    optional.forEach((from, to) -> all.computeIfAbsent(from, x -> new ArrayList<>()).addAll(to));
    Map<DependencyKind, List<String>> weak = new HashMap<>();
    roots.forEach((kind, starts) -> {
      DependencyKind k = kind == DependencyKind.RUNTIME ? DependencyKind.OPTIONAL : kind;
      weak.computeIfAbsent(k, x -> new ArrayList<>()).addAll(starts);
    });
    Map<String, DependencyKind> out = DependencyGraph.kinds(all, weak);
    Collection<String> runtimeRoots = roots.get(DependencyKind.RUNTIME);
    if (runtimeRoots != null) {
      out.putAll(DependencyGraph.kinds(required, Map.of(DependencyKind.RUNTIME, runtimeRoots)));
    }
    return out;
  }
}
