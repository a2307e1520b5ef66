package dev.bulwark.sbom.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The dependency declarations of a {@code package.json}: name to what it is needed for. */
record PackageJson(String name, String version, Map<String, DependencyKind> declared, Map<String, String> ranges,
    JsonNode workspaces) {

  static Optional<PackageJson> read(Optional<ScanFile> file, ScanContext context) {
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(of(Parsers.json(file.get(), context)));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  static PackageJson of(JsonNode root) {
    Map<String, DependencyKind> declared = new LinkedHashMap<>();
    Map<String, String> ranges = new LinkedHashMap<>();
    // later sections win: dependencies over devDependencies, and (as npm documents) optionalDependencies over both
    add(declared, ranges, root.get("devDependencies"), DependencyKind.DEVELOPMENT);
    add(declared, ranges, root.get("peerDependencies"), DependencyKind.RUNTIME);
    add(declared, ranges, root.get("dependencies"), DependencyKind.RUNTIME);
    add(declared, ranges, root.get("optionalDependencies"), DependencyKind.OPTIONAL);
    return new PackageJson(Parsers.text(root, "name"), Parsers.text(root, "version"), declared, ranges,
        root.get("workspaces"));
  }

  private static void add(Map<String, DependencyKind> into, Map<String, String> ranges, JsonNode deps, DependencyKind kind) {
    if (deps == null || !deps.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      into.put(e.getKey(), kind);
      ranges.put(e.getKey(), e.getValue().asText());
    }
  }
}
