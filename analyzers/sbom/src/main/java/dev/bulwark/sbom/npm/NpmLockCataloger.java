package dev.bulwark.sbom.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.JsonFieldLines;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.sbom.license.SpdxLicenses;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * npm {@code package-lock.json} and {@code npm-shrinkwrap.json}, lockfile versions 1 (nested
 * {@code dependencies}) and 2/3 ({@code packages} keyed by install path). Dev/optional/peer flags become kinds,
 * the root and workspace members are first-party, and dependency edges are resolved the way Node resolves
 * {@code require}: the nearest {@code node_modules} folder up the install path.
 */
public final class NpmLockCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/npm-lock";
  }

  @Override
  public boolean claims(ScanFile file) {
    String n = file.name();
    return (n.equals("package-lock.json") || n.equals("npm-shrinkwrap.json") || n.equals(".package-lock.json"))
        && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String text = Parsers.readText(file, context);
    JsonNode root = Parsers.json(file.path(), text);
    if (!root.isObject()) {
      throw new UnreadableInputException(file.path(), "not an npm lockfile: top level is not an object");
    }
    Map<String, Integer> lines = JsonFieldLines.of(text, Set.of("packages", "dependencies"));
    JsonNode packages = root.get("packages");
    if (packages != null && packages.isObject()) {
      return fromPackages(file, packages, lines);
    }
    JsonNode deps = root.get("dependencies");
    if (deps != null && deps.isObject()) {
      PackageJson pj = PackageJson.read(context.tree().sibling(file, "package.json"), context).orElse(null);
      return NpmLockV1.read(file, root, deps, pj, lines);
    }
    return List.of();
  }

  private static List<Component> fromPackages(ScanFile file, JsonNode packages, Map<String, Integer> lines) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject()) {
        byKey.put(e.getKey(), e.getValue());
      }
    }
    // install path -> ref; links point at their target's ref
    Map<String, String> refByKey = new HashMap<>();
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    Map<String, String> linkTarget = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : byKey.entrySet()) {
      String key = e.getKey();
      JsonNode p = e.getValue();
      if (p.path("link").asBoolean(false)) {
        linkTarget.put(key, Parsers.text(p, "resolved"));
        continue;
      }
      boolean firstParty = isFirstPartyKey(key) || String.valueOf(Parsers.text(p, "resolved")).startsWith("file:");
      String name = Parsers.text(p, "name");
      if (name == null) {
        name = key.isEmpty() ? null : nameFromKey(key);
      }
      if (name == null) {
        name = file.parent().isEmpty() ? "root" : file.parent().substring(file.parent().lastIndexOf('/') + 1);
      }
      String version = Parsers.text(p, "version");
      Component.Builder b = Component.builder(ComponentType.LIBRARY, name).version(version)
          .purl(Purls.npm(name, version)).ecosystem(Ecosystems.NPM).firstParty(firstParty)
          .kind(kind(p)).location(location(file, lines.get("packages\0" + key)));
      if (!firstParty) {
        b.scope(DependencyScope.TRANSITIVE);
      }
      NpmIntegrity.apply(b, Parsers.text(p, "integrity"));
      String resolved = Parsers.text(p, "resolved");
      if (resolved != null && !resolved.startsWith("https://registry.npmjs.org/")) {
        b.property("npm:resolved", resolved);
      }
      if (p.path("peer").asBoolean(false)) {
        b.property("npm:peer", "true");
      }
      if (p.path("inBundle").asBoolean(false)) {
        b.property("npm:inBundle", "true");
      }
      license(b, p.get("license"));
      String ref = b.build().ref();
      refByKey.put(key, ref);
      builders.put(key, b);
    }
    linkTarget.forEach((link, target) -> {
      if (target != null && refByKey.containsKey(target)) {
        refByKey.put(link, refByKey.get(target));
      }
    });
    Set<String> direct = new HashSet<>();
    for (Map.Entry<String, Component.Builder> e : builders.entrySet()) {
      String key = e.getKey();
      JsonNode p = byKey.get(key);
      boolean firstParty = isFirstPartyKey(key);
      for (String field : List.of("dependencies", "optionalDependencies", "peerDependencies", "devDependencies")) {
        JsonNode deps = p.get(field);
        if (deps == null || !deps.isObject()) {
          continue;
        }
        if (field.equals("devDependencies") && !firstParty) {
          continue;
        }
        for (Iterator<String> it = deps.fieldNames(); it.hasNext(); ) {
          String dep = it.next();
          String target = resolve(key, dep, refByKey);
          if (target != null) {
            e.getValue().dependsOn(refByKey.get(target));
            if (firstParty) {
              direct.add(target);
            }
          }
        }
      }
    }
    Map<String, Component> out = new LinkedHashMap<>();
    for (Map.Entry<String, Component.Builder> e : builders.entrySet()) {
      Component.Builder b = e.getValue();
      if (direct.contains(e.getKey())) {
        b.scope(DependencyScope.DIRECT);
      }
      Component c = b.build();
      out.merge(c.ref(), c, Component::mergedWith);
    }
    return List.copyOf(out.values());
  }

  /** The root ("") and workspace folders are keys without a node_modules segment. */
  static boolean isFirstPartyKey(String key) {
    return key.isEmpty() || !(key.startsWith("node_modules/") || key.contains("/node_modules/"));
  }

  static String nameFromKey(String key) {
    int i = key.lastIndexOf("node_modules/");
    return i < 0 ? key.substring(key.lastIndexOf('/') + 1) : key.substring(i + "node_modules/".length());
  }

  /** Node's lookup: {@code from/node_modules/dep}, then each enclosing node_modules, then the root's. */
  static String resolve(String from, String dep, Map<String, String> known) {
    String base = from;
    for (int guard = 0; guard < 256; guard++) {
      String candidate = base.isEmpty() ? "node_modules/" + dep : base + "/node_modules/" + dep;
      if (known.containsKey(candidate)) {
        return candidate;
      }
      if (base.isEmpty()) {
        return null;
      }
      int nm = base.lastIndexOf("/node_modules/");
      if (nm >= 0) {
        base = base.substring(0, nm);
      } else {
        base = "";
      }
    }
    return null;
  }

  /**
   * npm's flags: {@code dev} (also with {@code optional}: an optional dependency of a dev dependency) is dropped by
   * {@code --omit=dev}; {@code devOptional} (a dev dependency that a production package also wants optionally, such
   * as an optional peer) is kept by {@code --omit=dev} and dropped only with {@code --omit=optional} too.
   */
  static DependencyKind kind(JsonNode p) {
    if (p.path("dev").asBoolean(false)) {
      return DependencyKind.DEVELOPMENT;
    }
    if (p.path("optional").asBoolean(false) || p.path("devOptional").asBoolean(false)) {
      return DependencyKind.OPTIONAL;
    }
    return DependencyKind.RUNTIME;
  }

  static void license(Component.Builder b, JsonNode license) {
    if (license == null) {
      return;
    }
    if (license.isTextual()) {
      b.license(SpdxLicenses.normalize(license.asText()));
    } else if (license.isObject()) {
      b.license(SpdxLicenses.normalize(Parsers.text(license, "type")));
    } else if (license.isArray()) {
      List<String> ids = new ArrayList<>();
      license.forEach(l -> ids.add(l.isTextual() ? l.asText() : Parsers.text(l, "type")));
      ids.forEach(id -> b.license(SpdxLicenses.normalize(id)));
    }
  }

  static Location location(ScanFile file, Integer line) {
    return line == null ? Location.of(file.path()) : Location.atLine(file.path(), line);
  }
}
