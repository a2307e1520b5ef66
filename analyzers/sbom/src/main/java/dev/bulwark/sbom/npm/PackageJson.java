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
record PackageJson(String name, String version, Map<String, DependencyKind> declared, JsonNode workspaces) {

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
    add(declared, root.get("devDependencies"), DependencyKind.DEVELOPMENT);
    add(declared, root.get("optionalDependencies"), DependencyKind.OPTIONAL);
    add(declared, root.get("peerDependencies"), DependencyKind.RUNTIME);
    add(declared, root.get("dependencies"), DependencyKind.RUNTIME);
    return new PackageJson(Parsers.text(root, "name"), Parsers.text(root, "version"), declared, root.get("workspaces"));
  }

  private static void add(Map<String, DependencyKind> into, JsonNode deps, DependencyKind kind) {
    if (deps == null || !deps.isObject()) {
      return;
    }
    for (Iterator<String> it = deps.fieldNames(); it.hasNext(); ) {
      into.put(it.next(), kind);
    }
  }
}
