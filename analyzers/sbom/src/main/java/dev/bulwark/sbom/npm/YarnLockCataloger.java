package dev.bulwark.sbom.npm;

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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code yarn.lock}, classic (v1) and berry (yarn 2+). Every resolved package once (patched packages merge with
 * the package they patch); workspaces, links and portals first-party; edges through the lockfile's descriptors;
 * direct and development kinds from the package.json files of the root and the workspaces.
 */
public final class YarnLockCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/yarn-lock";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("yarn.lock") && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String text = Parsers.readText(file, context);
    boolean berry = text.startsWith("__metadata:") || text.contains("\n__metadata:");
    List<YarnEntry> entries = berry ? YarnBerryParser.parse(file.path(), text) : YarnV1Parser.parse(file.path(), text);
    YarnDescriptors descriptors = new YarnDescriptors();
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    Map<YarnEntry, String> refOf = new LinkedHashMap<>();
    for (YarnEntry e : entries) {
      Component.Builder b = Component.builder(ComponentType.LIBRARY, e.name()).ecosystem(Ecosystems.NPM)
          .firstParty(e.firstParty()).location(e.line() > 0 ? Location.atLine(file.path(), e.line()) : Location.of(file.path()));
      if (e.firstParty()) {
        // a workspace is the project its package.json describes: same ref as that manifest's component, which has
        // no version when the manifest has none (a private root)
        Optional<PackageJson> manifest = e.workspacePath() == null ? Optional.empty()
            : workspaceManifest(file, e, context).filter(pj -> e.name().equals(pj.name()));
        if (manifest.isPresent()) {
          String version = manifest.get().version();
          b.version(version).purl(Purls.npm(e.name(), version));
        } else {
          b.ref("npm-local:" + file.path() + ":" + e.name()).version(e.version());
        }
      } else {
        b.version(e.version()).purl(Purls.npm(e.name(), e.version()));
      }
      if (!berry) {
        NpmIntegrity.apply(b, e.integrity());
      }
      String ref = b.build().ref();
      Component.Builder prev = builders.putIfAbsent(ref, b);
      if (prev != null && !prev.build().locations().isEmpty() && e.line() > 0) {
        prev.location(Location.atLine(file.path(), e.line()));
      }
      refOf.put(e, ref);
      for (String d : e.descriptors()) {
        descriptors.put(d, ref);
      }
    }
    Map<String, List<String>> edges = new HashMap<>();
    Map<String, List<String>> optionalEdges = new HashMap<>();
    for (YarnEntry e : entries) {
      String from = refOf.get(e);
      for (Map<String, String> deps : List.of(e.dependencies(), e.optionalDependencies())) {
        Map<String, List<String>> into = deps == e.dependencies() ? edges : optionalEdges;
        deps.forEach((name, range) -> {
          String to = descriptors.lookup(e, name, range);
          if (to != null && !to.equals(from)) {
            builders.get(from).dependsOn(to);
            // a berry workspace entry lists its devDependencies too; its deps are roots with its manifest's kinds
            if (e.workspacePath() == null) {
              into.computeIfAbsent(from, x -> new ArrayList<>()).add(to);
            }
          }
        });
      }
    }
    Map<DependencyKind, List<String>> roots = new HashMap<>();
    Set<String> direct = new LinkedHashSet<>();
    boolean known = false;
    if (berry) {
      for (YarnEntry e : entries) {
        if (e.workspacePath() == null) {
          continue;
        }
        known = true;
        Optional<PackageJson> pj = workspaceManifest(file, e, context);
        for (Map<String, String> deps : List.of(e.dependencies(), e.optionalDependencies())) {
          deps.forEach((name, range) -> {
            String to = descriptors.lookup(e, name, range);
            if (to != null) {
              DependencyKind k = pj.map(p -> p.declared().getOrDefault(name, DependencyKind.RUNTIME)).orElse(DependencyKind.RUNTIME);
              roots.computeIfAbsent(k, x -> new ArrayList<>()).add(to);
              direct.add(to);
            }
          });
        }
      }
    } else {
      for (PackageJson pj : manifests(file, context)) {
        known = true;
        pj.ranges().forEach((name, range) -> {
          String to = descriptors.lookup(null, name, range);
          if (to != null) {
            roots.computeIfAbsent(pj.declared().get(name), x -> new ArrayList<>()).add(to);
            direct.add(to);
          }
        });
      }
    }
    Map<String, DependencyKind> kinds = OptionalEdgeKinds.of(edges, optionalEdges, roots);
    List<Component> out = new ArrayList<>();
    for (Map.Entry<String, Component.Builder> e : builders.entrySet()) {
      Component.Builder b = e.getValue();
      if (known && !b.build().firstParty()) {
        b.scope(direct.contains(e.getKey()) ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE);
        b.kind(kinds.getOrDefault(e.getKey(), DependencyKind.UNKNOWN));
      }
      out.add(b.build());
    }
    return out;
  }

  private static Optional<PackageJson> workspaceManifest(ScanFile lock, YarnEntry e, ScanContext context) {
    String folder = join(lock.parent(), e.workspacePath());
    return PackageJson.read(context.tree().file(folder.isEmpty() ? "package.json" : folder + "/package.json"), context);
  }

  /** The package.json beside the lockfile and, for v1 workspaces, those of the workspace folders. */
  private static List<PackageJson> manifests(ScanFile lock, ScanContext context) {
    List<PackageJson> out = new ArrayList<>();
    Optional<PackageJson> root = PackageJson.read(context.tree().sibling(lock, "package.json"), context);
    root.ifPresent(out::add);
    if (root.isPresent() && root.get().workspaces() != null && !root.get().workspaces().isNull()) {
      String prefix = lock.parent().isEmpty() ? "" : lock.parent() + "/";
      for (ScanFile f : context.tree().files()) {
        String p = f.path();
        if (f.name().equals("package.json") && p.startsWith(prefix) && !p.contains("node_modules/")
            && !p.equals(prefix + "package.json") && !p.contains("!")) {
          PackageJson.read(Optional.of(f), context).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static String join(String folder, String relative) {
    if (relative.equals(".") || relative.isEmpty()) {
      return folder;
    }
    return folder.isEmpty() ? relative : folder + "/" + relative;
  }
}
