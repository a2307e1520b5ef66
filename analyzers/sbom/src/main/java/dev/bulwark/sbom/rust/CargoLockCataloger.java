package dev.bulwark.sbom.rust;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.DependencyGraph;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.sbom.internal.TomlPackageLines;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rust's {@code Cargo.lock} (v1 to v4): packages without a source are workspace members (first-party); their
 * dependencies are direct; edges from each package's {@code dependencies} ({@code name}, {@code name version}
 * or {@code name version (source)}); dev-dependencies of the members' {@code Cargo.toml} files in the target
 * make development kinds.
 */
public final class CargoLockCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/cargo-lock";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("Cargo.lock") && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String text = Parsers.readText(file, context);
    JsonNode root = Parsers.toml(file.path(), text);
    JsonNode listed = Parsers.arrayOfTables(root, "package", file.path());
    List<JsonNode> packages = new ArrayList<>();
    if (root.path("root").isObject()) {
      // lockfiles written by Cargo until late 2017 hold the root crate in a [root] table, not in [[package]]
      packages.add(root.get("root"));
    }
    if (listed != null) {
      listed.forEach(packages::add);
    }
    if (packages.isEmpty()) {
      return List.of();
    }
    Map<String, String> v1Checksums = new HashMap<>();
    root.path("metadata").fields().forEachRemaining(e -> {
      // lockfile v1: "checksum name version (source)" = "hex"
      String[] f = e.getKey().split(" ");
      if (f.length >= 3 && f[0].equals("checksum")) {
        v1Checksums.put(f[1] + " " + f[2], e.getValue().asText());
      }
    });
    Map<String, Integer> lines = TomlPackageLines.of(text);
    Map<String, List<String>> refsByName = new HashMap<>();
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    Map<String, JsonNode> nodes = new LinkedHashMap<>();
    Set<String> members = new LinkedHashSet<>();
    for (JsonNode p : packages) {
      String name = Parsers.text(p, "name");
      String version = Parsers.text(p, "version");
      if (name == null) {
        throw new UnreadableInputException(file.path(), "a [[package]] has no name");
      }
      String source = Parsers.text(p, "source");
      boolean member = source == null;
      Integer line = lines.get(name + "@" + version);
      Component.Builder b = Component.builder(ComponentType.LIBRARY, name).version(version)
          .purl(Purls.of("cargo", null, name, version)).ecosystem(Ecosystems.CRATES).firstParty(member)
          .location(line == null ? Location.of(file.path()) : Location.atLine(file.path(), line));
      if (source != null && !source.startsWith("registry+https://github.com/rust-lang/crates.io-index")
          && !source.startsWith("sparse+https://index.crates.io/")) {
        b.property("cargo:source", source);
      }
      String checksum = Parsers.text(p, "checksum");
      if (checksum == null) {
        checksum = v1Checksums.get(name + " " + version);
      }
      if (checksum != null) {
        b.hash("SHA-256", checksum.toLowerCase(Locale.ROOT));
      }
      String ref = b.build().ref();
      if (member) {
        b.ref("cargo-local:" + file.path() + ":" + name);
        ref = b.build().ref();
        members.add(ref);
      }
      builders.put(ref, b);
      nodes.put(ref, p);
      refsByName.computeIfAbsent(name, x -> new ArrayList<>()).add(ref);
    }
    Map<String, List<String>> edges = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : nodes.entrySet()) {
      for (JsonNode d : e.getValue().path("dependencies")) {
        String to = resolve(d.asText(), refsByName, builders);
        if (to != null) {
          builders.get(e.getKey()).dependsOn(to);
          edges.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(to);
        }
      }
    }
    Map<String, Set<String>> devNames = CargoManifests.devDependencies(file, context);
    Map<DependencyKind, List<String>> roots = new HashMap<>();
    Set<String> direct = new LinkedHashSet<>();
    for (String member : members) {
      String memberName = builders.get(member).build().name();
      Set<String> dev = devNames.getOrDefault(memberName, Set.of());
      for (String to : edges.getOrDefault(member, List.of())) {
        if (members.contains(to)) {
          continue;
        }
        String depName = builders.get(to).build().name();
        DependencyKind k = dev.contains(depName) ? DependencyKind.DEVELOPMENT : DependencyKind.RUNTIME;
        roots.computeIfAbsent(k, x -> new ArrayList<>()).add(to);
        direct.add(to);
      }
    }
    Map<String, DependencyKind> kinds = DependencyGraph.kinds(edges, roots);
    List<Component> out = new ArrayList<>();
    builders.forEach((ref, b) -> {
      if (!members.contains(ref)) {
        b.scope(direct.contains(ref) ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE);
        b.kind(kinds.getOrDefault(ref, DependencyKind.UNKNOWN));
      }
      out.add(b.build());
    });
    return out;
  }

  /** {@code name}, {@code name version} or {@code name version (source)} to the locked package. */
  private static String resolve(String spec, Map<String, List<String>> refsByName, Map<String, Component.Builder> builders) {
    String[] f = spec.split(" ");
    List<String> candidates = refsByName.getOrDefault(f[0], List.of());
    if (f.length == 1 || candidates.size() == 1) {
      return candidates.isEmpty() ? null : candidates.get(0);
    }
    for (String c : candidates) {
      if (f[1].equals(builders.get(c).build().version())) {
        return c;
      }
    }
    return null;
  }
}
