package dev.bulwark.sbom.java;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.LineIndex;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.sbom.license.SpdxLicenses;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dependencies of a Maven {@code pom.xml}. The graph is resolved the way Maven resolves it (see
 * {@link MavenTransitiveResolver}) from the local repository, or also from remote repositories with
 * {@code sbom.online}; the tree's modules are the reactor. Declared dependencies that cannot be resolved stay
 * as declared: versions from the POM, its dependency management, its parents and imported BOMs when those are
 * inside the target; properties interpolated; a version that stays unknown is kept with
 * {@code bulwark:unresolved=true}. The project itself is a first-party component that depends on its direct
 * dependencies and says in its properties how far resolution went.
 */
public final class MavenPomCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/maven-pom";
  }

  @Override
  public boolean claims(ScanFile file) {
    return isProjectPom(file) && file.kind() == FileKind.TEXT;
  }

  /**
   * pom.xml of a project, not the copy Maven puts into jars ({@code META-INF/maven/...}) nor a POM in a
   * Maven repository's layout ({@code .../<artifactId>/<version>/<artifactId>-<version>.pom}, as in a
   * {@code ~/.m2/repository} baked into an image): those describe cached artifacts, and treating each of
   * thousands of them as a project to resolve would make one scan resolve the whole repository.
   */
  static boolean isProjectPom(ScanFile file) {
    String name = file.name();
    if (!name.equals("pom.xml") && !(name.endsWith(".pom") && !file.path().contains("!"))) {
      return false;
    }
    return !file.path().contains("META-INF/maven/") && !inRepositoryLayout(file.path());
  }

  /** {@code <artifactId>/<version>/<artifactId>-<version>[-...].pom}; snapshots may carry a timestamp. */
  static boolean inRepositoryLayout(String path) {
    if (!path.endsWith(".pom")) {
      return false;
    }
    String[] segments = path.split("/");
    int n = segments.length;
    if (n < 3) {
      return false;
    }
    String artifact = segments[n - 3];
    String version = segments[n - 2];
    String stem = version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "SNAPSHOT".length()) : version;
    return !artifact.isEmpty() && !version.isEmpty() && segments[n - 1].startsWith(artifact + "-" + stem);
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    PomIndex index = PomIndex.of(context);
    Pom pom = index.pom(file).orElse(null);
    if (pom == null) {
      // parse again to report the problem
      Pom.parse(file.path(), dev.bulwark.sbom.internal.Parsers.read(file, context));
      throw new UnreadableInputException(file.path(), "unreadable POM");
    }
    EffectivePom eff = EffectivePom.of(pom, file, index, context.tree());
    LineIndex lines = new LineIndex(pom.text());
    Map<String, Component> declared = new LinkedHashMap<>();
    for (Pom.Dep d : pom.dependencies()) {
      Component c = dependency(d, eff, index, file, pom.text(), lines);
      if (c != null) {
        declared.merge(c.ref(), c, Component::mergedWith);
      }
    }
    String g = eff.interpolate(pom.effectiveGroupId());
    String a = eff.interpolate(pom.artifactId());
    String v = eff.interpolate(pom.effectiveVersion());
    MavenResolverSettings settings = MavenResolverSettings.of(context);
    PomIndex.Module module = g == null || a == null || !settings.enabled() ? null : index.modules().get(g + ":" + a);
    TransitiveComponents graph = module == null || !module.file().path().equals(file.path())
        ? TransitiveComponents.declaredOnly(declared.values())
        : TransitiveComponents.of(new MavenTransitiveResolver(settings).resolve(module, index), declared.values(),
            index, file, settings);
    Map<String, Component> out = new LinkedHashMap<>();
    graph.components().forEach(c -> out.merge(c.ref(), c, Component::mergedWith));
    if (a != null) {
      boolean resolved = v != null && !v.contains("${");
      Component.Builder self = Component.builder(
              "pom".equals(pom.packaging()) ? ComponentType.LIBRARY : ComponentType.APPLICATION, a)
          .group(g).version(resolved ? v : null).purl(Purls.maven(g, a, resolved ? v : null))
          .ecosystem(Ecosystems.MAVEN).firstParty(!dev.bulwark.sbom.internal.VendoredPaths.isVendored(file.path()))
          .location(Location.of(file.path())).dependsOn(graph.direct());
      graph.notes().forEach(self::property);
      for (String l : pom.licenses()) {
        self.license(SpdxLicenses.normalize(l));
      }
      Component c = self.build();
      out.merge(c.ref(), c, Component::mergedWith);
    }
    return List.copyOf(out.values());
  }

  private static Component dependency(Pom.Dep d, EffectivePom eff, PomIndex index, ScanFile file, String text,
      LineIndex lines) {
    String g = eff.interpolate(d.groupId());
    String a = eff.interpolate(d.artifactId());
    if (g == null || a == null) {
      return null;
    }
    Pom.Dep managed = eff.managed(g, a).orElse(null);
    String declared = d.version() != null ? d.version() : managed == null ? null : managed.version();
    String v = eff.interpolate(declared);
    boolean resolved = v != null && !v.contains("${") && !v.isBlank();
    String scope = d.scope() != null ? d.scope() : managed == null ? null : managed.scope();
    scope = eff.interpolate(scope);
    boolean optional = d.optional() || managed != null && managed.optional();
    Component.Builder b = Component.builder(ComponentType.LIBRARY, a).group(g)
        .ecosystem(Ecosystems.MAVEN).scope(DependencyScope.DIRECT).kind(kind(scope, optional))
        .firstParty(index.isReactorModule(g, a));
    String classifier = d.classifier() == null ? null : eff.interpolate(d.classifier());
    String type = d.type() == null ? null : eff.interpolate(d.type());
    // a test-jar is the jar with classifier tests, as Maven's artifact handler says
    String extension = "test-jar".equals(type) ? "jar" : type;
    if ("test-jar".equals(type) && classifier == null) {
      classifier = "tests";
    }
    if (resolved && isRange(v)) {
      b.property(Component.UNPINNED, "true").property("bulwark:versionRange", v)
          .purl(Purls.maven(g, a, null, classifier, extension));
    } else if (resolved) {
      b.version(v).purl(Purls.maven(g, a, v, classifier, extension));
    } else {
      b.property(Component.UNRESOLVED, "true").purl(Purls.maven(g, a, null, classifier, extension));
      if (declared != null) {
        b.property("bulwark:declaredVersion", declared);
      }
    }
    if (d.classifier() != null) {
      b.property("maven:classifier", classifier);
    }
    if (type != null && !"jar".equals(type)) {
      b.property("maven:type", type);
    }
    if (scope != null) {
      b.property("maven:scope", scope);
    }
    int at = text.indexOf("<artifactId>" + (d.artifactId() == null ? "" : d.artifactId()) + "</artifactId>");
    b.location(at < 0 ? Location.of(file.path()) : Location.atLine(file.path(), lines.line(at)));
    return b.build();
  }

  private static boolean isRange(String v) {
    char c = v.charAt(0);
    return c == '[' || c == '(' || v.equals("LATEST") || v.equals("RELEASE");
  }

  static DependencyKind kind(String scope, boolean optional) {
    if (optional) {
      return DependencyKind.OPTIONAL;
    }
    if (scope == null) {
      return DependencyKind.RUNTIME;
    }
    return switch (scope.toLowerCase(Locale.ROOT)) {
      case "test" -> DependencyKind.TEST;
      case "provided", "system" -> DependencyKind.PROVIDED;
      case "compile", "runtime" -> DependencyKind.RUNTIME;
      default -> DependencyKind.UNKNOWN;
    };
  }
}
