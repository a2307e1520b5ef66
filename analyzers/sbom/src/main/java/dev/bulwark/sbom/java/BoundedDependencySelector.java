package dev.bulwark.sbom.java;

import java.util.Objects;
import org.eclipse.aether.collection.DependencyCollectionContext;
import org.eclipse.aether.collection.DependencySelector;
import org.eclipse.aether.graph.Dependency;

/**
 * Maven's own dependency selector (scopes, optional, exclusions) with the {@link ResolutionBudget} in front:
 * once the budget is spent no further dependency is selected, so collection ends with the graph so far.
 */
final class BoundedDependencySelector implements DependencySelector {

  private final DependencySelector delegate;
  private final int depth;

  BoundedDependencySelector(DependencySelector delegate) {
    this(delegate, 1);
  }

  private BoundedDependencySelector(DependencySelector delegate, int depth) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.depth = depth;
  }

  @Override
  public boolean selectDependency(Dependency dependency) {
    if (!pathSafe(dependency.getArtifact()) || !delegate.selectDependency(dependency)) {
      return false;
    }
    ResolutionBudget budget = ResolutionBudget.current();
    return budget == null || budget.allowDependency(depth);
  }

  /**
   * Maven Resolver turns coordinates into repository paths and throws (ending the whole resolution) on a
   * part with {@code ..}, a slash, a backslash or a colon; a hostile or broken POM declaring one (a version
   * of {@code ../../x} or an interpolated {@code ${java.home}}) loses that dependency only, as an unresolvable one.
   */
  static boolean pathSafe(org.eclipse.aether.artifact.Artifact a) {
    for (String part : new String[] {a.getGroupId(), a.getArtifactId(), a.getVersion(), a.getClassifier(), a.getExtension()}) {
      if (part != null && (part.contains("..") || part.indexOf('/') >= 0 || part.indexOf('\\') >= 0 || part.indexOf(':') >= 0)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public DependencySelector deriveChildSelector(DependencyCollectionContext context) {
    // the root's selector sees the direct dependencies; each derivation is one level deeper
    DependencySelector child = delegate.deriveChildSelector(context);
    return context.getDependency() == null ? new BoundedDependencySelector(child, depth)
        : new BoundedDependencySelector(child, depth + 1);
  }

  @Override
  public boolean equals(Object o) {
    // the collector caches by selector: equal only with the same delegate at the same depth
    return o instanceof BoundedDependencySelector b && b.depth == depth && b.delegate.equals(delegate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(delegate, depth);
  }
}
