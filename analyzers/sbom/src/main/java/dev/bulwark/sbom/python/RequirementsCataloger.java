package dev.bulwark.sbom.python;

import dev.bulwark.model.Component;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Pep503;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * pip requirements files ({@code requirements*.txt}, {@code *requirements.txt}, {@code requirements/*.txt},
 * {@code requirements*.in}): {@code ==} pins, {@code --hash}, extras, markers, URL and VCS requirements,
 * editable installs, and {@code -r}/{@code -c} includes resolved inside the target (bounded, cycle-safe).
 * Unpinned requirements are kept with {@code bulwark:unpinned=true}. pip-compile's {@code # via} comments
 * tell direct from transitive and give the dependency edges.
 */
public final class RequirementsCataloger implements Cataloger {

  static final int MAX_INCLUDE_DEPTH = 8;

  @Override
  public String id() {
    return "sbom/python-requirements";
  }

  @Override
  public boolean claims(ScanFile file) {
    return isRequirementsName(file) && (file.kind() == FileKind.TEXT || file.kind() == FileKind.EMPTY);
  }

  static boolean isRequirementsName(ScanFile file) {
    String n = file.name().toLowerCase(Locale.ROOT);
    // Rye's requirements.lock / requirements-dev.lock are pip-compile output
    if (!(n.endsWith(".txt") || n.endsWith(".in") || n.startsWith("requirements") && n.endsWith(".lock"))) {
      return false;
    }
    String parent = file.parent();
    if (parent.endsWith(".egg-info") || parent.endsWith(".dist-info") || parent.endsWith("EGG-INFO")) {
      // setuptools metadata (requires.txt...), not pip requirement files
      return false;
    }
    if (n.contains("requirements")) {
      return true;
    }
    return n.endsWith(".txt") && (parent.equals("requirements") || parent.endsWith("/requirements"));
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    if (file.name().endsWith(".in")) {
      // pip-compile input: the compiled .txt beside it holds the pinned set
      String stem = file.name().substring(0, file.name().length() - 3);
      if (context.tree().sibling(file, stem + ".txt").isPresent()) {
        return List.of();
      }
    }
    Map<String, Component.Builder> out = new LinkedHashMap<>();
    read(file, context, kindOf(file.name()), 0, new HashSet<>(), out);
    List<Component> result = new ArrayList<>();
    for (Component.Builder b : out.values()) {
      result.add(b.build());
    }
    Map<String, Component> merged = new LinkedHashMap<>();
    for (Component c : result) {
      merged.merge(c.ref(), c, Component::mergedWith);
    }
    return List.copyOf(merged.values());
  }

  private void read(ScanFile file, ScanContext context, DependencyKind kind, int depth, Set<String> visited,
      Map<String, Component.Builder> out) throws IOException {
    if (depth > MAX_INCLUDE_DEPTH || !visited.add(file.path())) {
      return;
    }
    RequirementsFile rf = RequirementsFile.parse(file.path(), Parsers.readText(file, context));
    Map<String, String> constraints = new HashMap<>();
    for (RequirementsFile.Include inc : rf.includes()) {
      Optional<ScanFile> target = resolve(file, inc.path(), context);
      if (target.isEmpty()) {
        continue;
      }
      if (inc.constraint()) {
        if (visited.contains(target.get().path())) {
          continue;
        }
        RequirementsFile c = RequirementsFile.parse(target.get().path(), Parsers.readText(target.get(), context));
        for (RequirementsFile.Requirement r : c.requirements()) {
          if (r.version() != null) {
            constraints.putIfAbsent(Pep503.normalize(r.name()), r.version());
          }
        }
      } else {
        read(target.get(), context, kind, depth + 1, visited, out);
      }
    }
    Map<String, Component.Builder> local = new LinkedHashMap<>();
    Map<String, String> refByName = new HashMap<>();
    List<Component.Builder> perRequirement = new ArrayList<>();
    for (RequirementsFile.Requirement r : rf.requirements()) {
      String version = r.version();
      String normalized = Pep503.normalize(r.name());
      boolean constrained = false;
      if (version == null && !r.firstParty() && r.url() == null && constraints.containsKey(normalized)) {
        version = constraints.get(normalized);
        constrained = true;
      }
      Component.Builder b = PyComponents.library(r.name(), version, Location.atLine(file.path(), r.line()))
          .kind(kind).firstParty(r.firstParty());
      if (r.firstParty()) {
        b.purl(null).ref("pypi-local:" + file.path() + ":" + r.line() + ":" + normalized);
      }
      if (version == null && !r.firstParty()) {
        b.property(dev.bulwark.model.Component.UNPINNED, "true");
      }
      if (constrained) {
        b.property("python:constrainedBy", "constraints");
      }
      b.property("python:specifier", r.specifier()).property("python:marker", r.marker()).property("python:url", r.url());
      if (!r.extras().isEmpty()) {
        b.property("python:extras", String.join(",", r.extras()));
      }
      if (r.editable()) {
        b.property("python:editable", "true");
      }
      if (!r.hashes().isEmpty()) {
        String h = r.hashes().get(0);
        int colon = h.indexOf(':');
        if (colon > 0) {
          b.hash(hashName(h.substring(0, colon)), h.substring(colon + 1).toLowerCase(Locale.ROOT));
        }
      }
      String ref = b.build().ref();
      local.put(ref, b);
      refByName.put(normalized, ref);
      perRequirement.add(b);
    }
    for (int i = 0; i < perRequirement.size(); i++) {
      RequirementsFile.Requirement r = rf.requirements().get(i);
      // "# via <name>" of a package the file does not list is the project itself (Rye writes its name)
      boolean direct = r.via().isEmpty() || r.viaRoot()
          || r.via().stream().anyMatch(parent -> !refByName.containsKey(Pep503.normalize(parent)));
      perRequirement.get(i).scope(direct ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE);
    }
    // pip-compile "# via parent": the parent depends on this requirement
    for (RequirementsFile.Requirement r : rf.requirements()) {
      String child = refByName.get(Pep503.normalize(r.name()));
      for (String parent : r.via()) {
        String parentRef = refByName.get(Pep503.normalize(parent));
        if (parentRef != null && child != null && !parentRef.equals(child)) {
          local.get(parentRef).dependsOn(child);
        }
      }
    }
    local.forEach((ref, b) -> {
      Component.Builder prev = out.putIfAbsent(ref, b);
      if (prev != null) {
        prev.location(b.build().locations().get(0));
      }
    });
  }

  private static String hashName(String alg) {
    return switch (alg.toLowerCase(Locale.ROOT)) {
      case "sha256" -> "SHA-256";
      case "sha384" -> "SHA-384";
      case "sha512" -> "SHA-512";
      case "md5" -> "MD5";
      default -> alg.toUpperCase(Locale.ROOT);
    };
  }

  private static Optional<ScanFile> resolve(ScanFile from, String relative, ScanContext context) {
    if (relative.contains("://")) {
      return Optional.empty();
    }
    String joined = join(from.parent(), relative);
    if (joined == null) {
      return Optional.empty();
    }
    char sep = from.parent().isEmpty() ? '/' : from.path().charAt(from.parent().length());
    if (sep == '!') {
      int bang = from.path().lastIndexOf('!');
      String archive = from.path().substring(0, bang + 1);
      String inner = join(from.parent().substring(bang + 1), relative);
      return inner == null ? Optional.empty() : context.tree().file(archive + inner);
    }
    return context.tree().file(joined);
  }

  static String join(String folder, String relative) {
    List<String> parts = new ArrayList<>();
    if (!folder.isEmpty() && !relative.startsWith("/")) {
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

  static DependencyKind kindOf(String fileName) {
    for (String token : fileName.toLowerCase(Locale.ROOT).split("[-_./]")) {
      switch (token) {
        case "dev", "develop", "development", "docs", "doc", "lint", "linting", "typing", "build", "format" -> {
          return DependencyKind.DEVELOPMENT;
        }
        case "test", "tests", "testing", "ci" -> {
          return DependencyKind.TEST;
        }
        default -> {
        }
      }
    }
    return DependencyKind.RUNTIME;
  }
}
