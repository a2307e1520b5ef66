package dev.bulwark.sbom.java;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.spi.ScanFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's dependency components from a {@link MavenTransitiveResolver.Resolution}, merged with what the
 * POM declares: a resolved direct dependency keeps the declaration's line, a declared one the resolver could
 * not place stays as declared, and the project's properties say how far resolution went.
 */
record TransitiveComponents(List<Component> components, List<String> direct, Map<String, String> notes) {

  /** Property on the project: {@code local-repository}, {@code online} or {@code declared}. */
  static final String RESOLUTION = "maven:resolution";
  /** Property on the project: what could not be resolved, and how to resolve it. */
  static final String NOTE = "bulwark:note";
  /** Property on a dependency whose own POM was not available, so whose dependencies are unknown. */
  static final String POM_UNRESOLVED = "maven:pomUnresolved";

  private static final int LISTED = 20;

  static TransitiveComponents declaredOnly(Collection<Component> declared) {
    return new TransitiveComponents(List.copyOf(declared), declared.stream().map(Component::ref).toList(),
        Map.of());
  }

  static TransitiveComponents of(MavenTransitiveResolver.Resolution r, Collection<Component> declared,
      PomIndex index, ScanFile file, MavenResolverSettings settings) {
    Map<String, String> notes = new LinkedHashMap<>();
    if (r.failure() != null) {
      notes.put(RESOLUTION, "declared");
      notes.put(NOTE, "dependencies are as declared, not resolved transitively: " + r.failure()
          + (settings.online() ? "" : "; --online would fetch what the local repository lacks"));
      return new TransitiveComponents(List.copyOf(declared), declared.stream().map(Component::ref).toList(), notes);
    }
    Map<String, Component> declaredByName = new HashMap<>();
    declared.forEach(c -> declaredByName.putIfAbsent(c.group() + ":" + c.name(), c));
    Map<String, String> refOfKey = new HashMap<>();
    r.nodes().forEach(n -> refOfKey.put(n.key(),
        Purls.maven(n.groupId(), n.artifactId(), n.version(), n.classifier(), n.extension())));
    Set<String> unresolved = r.unresolved();
    List<Component> out = new ArrayList<>();
    List<String> direct = new ArrayList<>();
    for (MavenTransitiveResolver.Node n : r.nodes()) {
      Component.Builder b = Component.builder(ComponentType.LIBRARY, n.artifactId()).group(n.groupId())
          .version(n.version()).purl(refOfKey.get(n.key())).ecosystem(Ecosystems.MAVEN)
          .scope(n.direct() ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE)
          .kind(MavenPomCataloger.kind(n.scope(), n.optional()))
          .firstParty(index.modules().containsKey(n.groupId() + ":" + n.artifactId()))
          // like a declaration without <scope>, the default scope is not repeated
          .property("maven:scope", n.scope().isEmpty() || n.scope().equals("compile") ? null : n.scope())
          .property("bulwark:versionRange", n.versionConstraint());
      if (!n.classifier().isEmpty()) {
        b.property("maven:classifier", n.classifier());
      }
      if (!"jar".equals(n.extension())) {
        b.property("maven:type", n.extension());
      }
      if (unresolved.contains(n.groupId() + ":" + n.artifactId() + ":" + n.version())) {
        b.property(POM_UNRESOLVED, "true");
      }
      n.children().forEach(k -> b.dependsOn(refOfKey.get(k)));
      Component decl = n.direct() ? declaredByName.remove(n.groupId() + ":" + n.artifactId()) : null;
      if (decl != null) {
        decl.locations().forEach(b::location);
      } else {
        b.location(Location.of(file.path()));
      }
      Component c = b.build();
      out.add(c);
      if (n.direct()) {
        direct.add(c.ref());
      }
    }
    // declared but not in the graph (a range nothing satisfies, a version Maven could not interpolate); a
    // dependency of a profile that is not active is not in Maven's model, so not the project's
    for (Component c : declared) {
      String name = c.group() + ":" + c.name();
      if (declaredByName.containsKey(name) && r.modelDependencies().contains(name)) {
        out.add(c);
        direct.add(c.ref());
      }
    }
    notes.put(RESOLUTION, settings.online() ? "online" : "local-repository");
    String note = note(unresolved, r.uninterpolated(), r.truncated(), settings);
    if (note != null) {
      notes.put(NOTE, note);
    }
    return new TransitiveComponents(out, direct, notes);
  }

  private static String note(Set<String> unresolved, Set<String> uninterpolated, String truncated,
      MavenResolverSettings settings) {
    List<String> parts = new ArrayList<>();
    if (!uninterpolated.isEmpty()) {
      parts.add(uninterpolated.size() + " dependencies kept as declared, their version names a property no POM "
          + "defines: " + String.join(", ", uninterpolated.stream().limit(LISTED).toList()));
    }
    if (!unresolved.isEmpty()) {
      List<String> listed = unresolved.stream().limit(LISTED).toList();
      String more = unresolved.size() > LISTED ? " and " + (unresolved.size() - LISTED) + " more" : "";
      parts.add(unresolved.size() + " dependencies not resolved transitively, their POMs "
          + (settings.online() ? "could not be downloaded or built"
              : "are not in the local repository (or could not be built)")
          + ": " + String.join(", ", listed) + more
          + (settings.online() ? "" : "; --online would fetch them"));
    }
    if (truncated != null) {
      parts.add("dependency graph cut short: " + truncated);
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }
}
