package dev.bulwark.sbom.java;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Gradle version catalogs ({@code gradle/libs.versions.toml}, any {@code *.versions.toml}): each library alias
 * in {@code "group:name:version"} or table form, versions through {@code version.ref}; rich versions pin only
 * through {@code strictly} or {@code require}. Declared libraries are direct; unpinned ones are marked.
 */
public final class GradleVersionCatalogCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/gradle-version-catalog";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().endsWith(".versions.toml") && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    JsonNode root = Parsers.toml(file, context);
    JsonNode versions = root.path("versions");
    List<Component> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("libraries").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode lib = e.getValue();
      String group;
      String name;
      String version = null;
      if (lib.isTextual()) {
        String[] f = lib.asText().split(":");
        if (f.length < 2) {
          continue;
        }
        group = f[0];
        name = f[1];
        version = f.length > 2 ? plain(f[2]) : null;
      } else {
        String module = Parsers.text(lib, "module");
        if (module != null && module.contains(":")) {
          group = module.substring(0, module.indexOf(':'));
          name = module.substring(module.indexOf(':') + 1);
        } else {
          group = Parsers.text(lib, "group");
          name = Parsers.text(lib, "name");
        }
        JsonNode v = lib.get("version");
        if (v != null && v.isTextual()) {
          version = plain(v.asText());
        } else if (v != null && v.isObject()) {
          version = v.has("ref") ? rich(versions.get(v.get("ref").asText())) : rich(v);
        }
      }
      if (group == null || name == null) {
        continue;
      }
      Component.Builder b = Component.builder(ComponentType.LIBRARY, name).group(group).version(version)
          .purl(Purls.maven(group, name, version)).ecosystem(Ecosystems.MAVEN).scope(DependencyScope.DIRECT)
          .location(Location.of(file.path())).property("gradle:alias", e.getKey());
      if (version == null) {
        b.property(Component.UNPINNED, "true");
      }
      out.add(b.build());
    }
    return out;
  }

  /**
   * A plain version, or the first plain one of a rich version's {@code strictly}, {@code require} and
   * {@code prefer} (Gradle picks the preferred version inside a strict range); null for ranges or nothing.
   */
  private static String rich(JsonNode v) {
    if (v == null) {
      return null;
    }
    if (v.isTextual()) {
      return plain(v.asText());
    }
    for (String key : List.of("strictly", "require", "prefer")) {
      String s = plain(Parsers.text(v, key));
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** Null for what Gradle resolves at build time: ranges, {@code 1.+}, {@code latest.release}, nothing. */
  private static String plain(String s) {
    if (s == null || s.isBlank() || s.startsWith("[") || s.startsWith("]") || s.startsWith("(") || s.contains("+")
        || s.contains(",") || s.startsWith("latest.")) {
      return null;
    }
    return s;
  }
}
