package dev.bulwark.sbom.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Pep503;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PEP 751 lockfiles ({@code pylock.toml}, {@code pylock.<name>.toml}): {@code [[packages]]} with version, VCS,
 * archive or directory sources (a directory is first-party), sdist/wheel hashes and {@code dependencies} edges.
 */
public final class PylockCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/pylock";
  }

  @Override
  public boolean claims(ScanFile file) {
    String n = file.name();
    return (n.equals("pylock.toml") || n.startsWith("pylock.") && n.endsWith(".toml")) && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    JsonNode root = Parsers.toml(file, context);
    JsonNode packages = Parsers.arrayOfTables(root, "packages", file.path());
    if (packages == null) {
      return List.of();
    }
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    Map<String, String> refByName = new HashMap<>();
    Map<String, JsonNode> nodes = new HashMap<>();
    for (JsonNode p : packages) {
      String name = Parsers.text(p, "name");
      if (name == null) {
        throw new UnreadableInputException(file.path(), "a [[packages]] entry has no name");
      }
      String version = Parsers.text(p, "version");
      boolean local = p.has("directory");
      Component.Builder b = PyComponents.library(name, version, Location.of(file.path())).firstParty(local)
          .property("python:marker", Parsers.text(p, "marker"));
      if (p.has("vcs")) {
        b.property("python:source", "vcs:" + Parsers.text(p.get("vcs"), "url") + "@" + Parsers.text(p.get("vcs"), "commit-id"));
      }
      String sha = Parsers.text(p.path("sdist").path("hashes"), "sha256");
      if (sha != null) {
        b.hash("SHA-256", sha.toLowerCase(Locale.ROOT));
      }
      String ref = b.build().ref();
      builders.putIfAbsent(ref, b);
      refByName.putIfAbsent(Pep503.normalize(name), ref);
      nodes.put(ref, p);
    }
    nodes.forEach((ref, p) -> {
      for (JsonNode d : p.path("dependencies")) {
        String n = Parsers.text(d, "name");
        String to = n == null ? null : refByName.get(Pep503.normalize(n));
        if (to != null && !to.equals(ref)) {
          builders.get(ref).dependsOn(to);
        }
      }
    });
    List<Component> out = new ArrayList<>();
    builders.values().forEach(b -> out.add(b.build()));
    return out;
  }
}
