package dev.bulwark.sbom.dotnet;

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
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NuGet's {@code packages.lock.json}: every package of every target framework once; {@code Direct} and
 * {@code Transitive} types become scopes, {@code Project} references are first-party; edges from each
 * package's {@code dependencies}; {@code contentHash} (SHA-512) kept as a hash.
 */
public final class NuGetLockCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/nuget-lock";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("packages.lock.json") && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    JsonNode root = Parsers.json(file, context);
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    Map<String, String> refByName = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fw = root.path("dependencies").fields(); fw.hasNext(); ) {
      Map.Entry<String, JsonNode> framework = fw.next();
      for (Iterator<Map.Entry<String, JsonNode>> it = framework.getValue().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = e.getKey();
        JsonNode p = e.getValue();
        String type = String.valueOf(Parsers.text(p, "type"));
        String version = Parsers.text(p, "resolved");
        boolean project = type.equals("Project");
        Component.Builder b = Component.builder(ComponentType.LIBRARY, name).version(version)
            .ecosystem(Ecosystems.NUGET).firstParty(project).location(Location.of(file.path()))
            .scope(type.equals("Direct") ? DependencyScope.DIRECT : project ? DependencyScope.UNKNOWN : DependencyScope.TRANSITIVE);
        if (project) {
          b.ref("nuget-local:" + file.path() + ":" + name);
        } else {
          b.purl(Purls.of("nuget", null, name, version));
        }
        String hash = Parsers.text(p, "contentHash");
        if (hash != null) {
          try {
            b.hash("SHA-512", HexFormat.of().formatHex(Base64.getDecoder().decode(hash)));
          } catch (IllegalArgumentException ex) {
            // not base64: no hash
          }
        }
        Component c = b.build();
        Component.Builder prev = builders.get(c.ref());
        if (prev == null) {
          builders.put(c.ref(), b);
        } else if (c.scope() == DependencyScope.DIRECT) {
          prev.scope(DependencyScope.DIRECT);
        }
        refByName.put(name.toLowerCase(Locale.ROOT) + "@" + framework.getKey(), c.ref());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = framework.getValue().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String from = refByName.get(e.getKey().toLowerCase(Locale.ROOT) + "@" + framework.getKey());
        JsonNode d = e.getValue().get("dependencies");
        if (d == null || from == null) {
          continue;
        }
        d.fieldNames().forEachRemaining(n -> {
          String to = refByName.get(n.toLowerCase(Locale.ROOT) + "@" + framework.getKey());
          if (to != null) {
            builders.get(from).dependsOn(to);
          }
        });
      }
    }
    List<Component> out = new ArrayList<>();
    builders.values().forEach(b -> out.add(b.build()));
    return out;
  }
}
