package dev.bulwark.sbom.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.sbom.internal.JsonFieldLines;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Pep503;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pipenv's {@code Pipfile.lock}: {@code default} packages are runtime, {@code develop} ones development, named
 * categories (any other key but {@code _meta}) take the kind their name suggests (docs, tests…); direct when the {@code Pipfile} beside it names them; path and editable entries first-party.
 */
public final class PipfileLockCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/pipfile-lock";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("Pipfile.lock") && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String text = Parsers.readText(file, context);
    JsonNode root = Parsers.json(file.path(), text);
    if (!root.isObject()) {
      throw new UnreadableInputException(file.path(), "not a Pipfile.lock: top level is not an object");
    }
    Set<String> categories = new HashSet<>();
    root.fieldNames().forEachRemaining(categories::add);
    categories.remove("_meta");
    Map<String, Integer> lines = JsonFieldLines.of(text, categories);
    Set<String> declared = pipfileNames(file, context);
    Map<String, Component> out = new LinkedHashMap<>();
    // pipenv 2022.10+ locks each named package category ([docs] in the Pipfile) under its own key
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("_meta")) {
        section(file, e.getValue(), e.getKey(), kindOf(e.getKey()), lines, declared, out);
      }
    }
    return List.copyOf(out.values());
  }

  private static DependencyKind kindOf(String category) {
    return switch (category) {
      case "default" -> DependencyKind.RUNTIME;
      case "develop" -> DependencyKind.DEVELOPMENT;
      default -> PyProject.groupKind(category);
    };
  }

  private static void section(ScanFile file, JsonNode section, String key, DependencyKind kind, Map<String, Integer> lines,
      Set<String> declared, Map<String, Component> out) {
    if (section == null || !section.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode p = e.getValue();
      String spec = Parsers.text(p, "version");
      String version = Pep508.pinned(spec);
      boolean local = p.has("path") || p.path("editable").asBoolean(false) && !p.has("git");
      Integer line = lines.get(key + '\0' + e.getKey());
      Component.Builder b = PyComponents.library(e.getKey(), version,
              line == null ? dev.bulwark.model.Location.of(file.path()) : dev.bulwark.model.Location.atLine(file.path(), line))
          .kind(kind).firstParty(local).property("python:marker", Parsers.text(p, "markers"));
      if (local) {
        b.purl(null).ref("pypi-local:" + file.path() + ":" + Pep503.normalize(e.getKey()));
      }
      if (version == null && !local && !p.has("git")) {
        b.property(Component.UNPINNED, "true");
      }
      if (p.has("git")) {
        b.property("python:source", "git:" + Parsers.text(p, "git") + "@" + Parsers.text(p, "ref"));
      }
      if (declared != null) {
        b.scope(declared.contains(Pep503.normalize(e.getKey())) ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE);
      }
      JsonNode hashes = p.get("hashes");
      if (hashes != null && hashes.isArray() && !hashes.isEmpty()) {
        String h = hashes.get(0).asText();
        if (h.startsWith("sha256:")) {
          b.hash("SHA-256", h.substring(7).toLowerCase(Locale.ROOT));
        }
      }
      Component c = b.build();
      out.merge(c.ref(), c, Component::mergedWith);
    }
  }

  /** Pipfile tables that are not package categories. */
  private static final Set<String> NOT_PACKAGES = Set.of("source", "requires", "scripts", "pipenv");

  /** Names in the Pipfile's [packages], [dev-packages] and named categories, or null without a readable Pipfile. */
  private static Set<String> pipfileNames(ScanFile lock, ScanContext context) {
    var pipfile = context.tree().sibling(lock, "Pipfile");
    if (pipfile.isEmpty()) {
      return null;
    }
    try {
      JsonNode root = Parsers.toml(pipfile.get(), context);
      Set<String> names = new HashSet<>();
      root.fields().forEachRemaining(section -> {
        if (!NOT_PACKAGES.contains(section.getKey()) && section.getValue().isObject()) {
          section.getValue().fieldNames().forEachRemaining(n -> names.add(Pep503.normalize(n)));
        }
      });
      return names;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
