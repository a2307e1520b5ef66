package dev.bulwark.sbom.php;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.sbom.license.SpdxLicenses;
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
import java.util.Set;

/**
 * Composer's {@code composer.lock}: {@code packages} are runtime, {@code packages-dev} development; licences,
 * {@code require} edges, direct packages from the {@code composer.json} beside it; path repositories first-party.
 */
public final class ComposerLockCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/composer-lock";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("composer.lock") && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    JsonNode root = Parsers.json(file, context);
    Set<String> direct = null;
    var manifest = context.tree().sibling(file, "composer.json");
    if (manifest.isPresent()) {
      try {
        JsonNode m = Parsers.json(manifest.get(), context);
        direct = new HashSet<>();
        for (String section : List.of("require", "require-dev")) {
          m.path(section).fieldNames().forEachRemaining(direct::add);
        }
      } catch (IOException e) {
        direct = null;
      }
    }
    Map<String, String> refByName = new HashMap<>();
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    Map<String, JsonNode> nodes = new HashMap<>();
    for (String section : List.of("packages", "packages-dev")) {
      for (JsonNode p : root.path(section)) {
        String name = Parsers.text(p, "name");
        if (name == null) {
          continue;
        }
        String version = Parsers.text(p, "version");
        int slash = name.indexOf('/');
        boolean local = "path".equals(Parsers.text(p.path("dist"), "type"));
        Component.Builder b = Component.builder(ComponentType.LIBRARY, slash < 0 ? name : name.substring(slash + 1))
            .group(slash < 0 ? null : name.substring(0, slash)).version(version).ecosystem(Ecosystems.PACKAGIST)
            .kind(section.equals("packages") ? DependencyKind.RUNTIME : DependencyKind.DEVELOPMENT)
            .firstParty(local).location(Location.of(file.path()));
        if (local) {
          b.ref("composer-local:" + file.path() + ":" + name);
        } else {
          b.purl(Purls.of("composer", slash < 0 ? null : name.substring(0, slash), slash < 0 ? name : name.substring(slash + 1), version));
        }
        for (JsonNode l : p.path("license")) {
          b.license(SpdxLicenses.normalize(l.asText()));
        }
        String sha = Parsers.text(p.path("dist"), "shasum");
        if (sha != null && !sha.isEmpty()) {
          b.hash("SHA-1", sha.toLowerCase(Locale.ROOT));
        }
        if (direct != null) {
          b.scope(direct.contains(name) ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE);
        }
        String ref = b.build().ref();
        builders.putIfAbsent(ref, b);
        refByName.put(name.toLowerCase(Locale.ROOT), ref);
        nodes.put(ref, p);
      }
    }
    nodes.forEach((ref, p) -> p.path("require").fieldNames().forEachRemaining(dep -> {
      String to = refByName.get(dep.toLowerCase(Locale.ROOT));
      if (to != null) {
        builders.get(ref).dependsOn(to);
      }
    }));
    List<Component> out = new ArrayList<>();
    builders.values().forEach(b -> out.add(b.build()));
    return out;
  }
}
