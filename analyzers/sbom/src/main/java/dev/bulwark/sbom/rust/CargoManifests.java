package dev.bulwark.sbom.rust;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Dev-dependency names per workspace member, from the {@code Cargo.toml} files under the lockfile's folder:
 * a crate that a member uses only in {@code [dev-dependencies]} (also per target) is a development need.
 */
final class CargoManifests {

  private static final int MAX_MANIFESTS = 2000;

  private CargoManifests() {}

  static Map<String, Set<String>> devDependencies(ScanFile lock, ScanContext context) {
    Map<String, Set<String>> out = new HashMap<>();
    String prefix = lock.parent().isEmpty() ? "" : lock.parent() + "/";
    int seen = 0;
    for (ScanFile f : context.tree().files()) {
      if (!f.name().equals("Cargo.toml") || !f.path().startsWith(prefix) || f.path().contains("!") || ++seen > MAX_MANIFESTS) {
        continue;
      }
      try {
        JsonNode root = Parsers.toml(f, context);
        String name = Parsers.text(root.path("package"), "name");
        if (name == null) {
          continue;
        }
        Set<String> runtime = new HashSet<>();
        Set<String> dev = new HashSet<>();
        collect(root, runtime, dev);
        root.path("target").forEach(t -> collect(t, runtime, dev));
        dev.removeAll(runtime);
        out.put(name, dev);
      } catch (Exception e) {
        // an unreadable manifest only loses the dev/runtime distinction
      }
    }
    return out;
  }

  private static void collect(JsonNode table, Set<String> runtime, Set<String> dev) {
    names(table.get("dependencies"), runtime);
    names(table.get("build-dependencies"), runtime);
    names(table.get("dev-dependencies"), dev);
  }

  private static void names(JsonNode deps, Set<String> into) {
    if (deps == null || !deps.isObject()) {
      return;
    }
    deps.fields().forEachRemaining(e -> {
      String pkg = e.getValue().isObject() ? Parsers.text(e.getValue(), "package") : null;
      into.add(pkg != null ? pkg : e.getKey());
    });
  }
}
