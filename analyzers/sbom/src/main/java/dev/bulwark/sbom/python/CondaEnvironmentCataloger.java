package dev.bulwark.sbom.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Pep503;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * conda {@code environment.yml}: conda packages ({@code [channel::]name[=version[=build]]} or with a comparison)
 * as {@code pkg:conda} components, and the {@code pip:} list as PyPI requirements. Exact pins give a version;
 * the rest are kept unpinned.
 */
public final class CondaEnvironmentCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/conda-environment";
  }

  @Override
  public boolean claims(ScanFile file) {
    String n = file.name().toLowerCase(Locale.ROOT);
    if (!(n.endsWith(".yml") || n.endsWith(".yaml")) || !(n.startsWith("environment") || n.startsWith("conda")
        || n.endsWith("environment.yml") || n.endsWith("environment.yaml") || n.endsWith("env.yml"))) {
      return false;
    }
    return file.kind() == FileKind.TEXT && new String(file.head(), StandardCharsets.UTF_8).contains("dependencies:");
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    JsonNode root = Parsers.yaml(file, context);
    List<Component> out = new ArrayList<>();
    String defaultChannel = null;
    for (JsonNode channel : root.path("channels")) {
      // "nodefaults" only removes the defaults channel; it is no channel a package comes from
      if (!channel.asText().equals("nodefaults")) {
        defaultChannel = channel.asText();
        break;
      }
    }
    for (JsonNode d : root.path("dependencies")) {
      if (d.isObject()) {
        for (JsonNode pip : d.path("pip")) {
          // pip's own requirement syntax: URLs, VCS links, paths and -e entries as in requirements files
          for (RequirementsFile.Requirement r : RequirementsFile.parse(file.path(), pip.asText()).requirements()) {
            out.add(pip(r, file));
          }
        }
        continue;
      }
      Component c = conda(d.asText().strip(), defaultChannel, file);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private static Component pip(RequirementsFile.Requirement r, ScanFile file) {
    Component.Builder b = PyComponents.library(r.name(), r.version(), Location.of(file.path())).scope(DependencyScope.DIRECT)
        .firstParty(r.firstParty()).property("python:specifier", r.specifier()).property("python:url", r.url());
    if (r.firstParty()) {
      b.purl(null).ref("pypi-local:" + file.path() + ":" + Pep503.normalize(r.name()));
    } else if (r.version() == null) {
      b.property(Component.UNPINNED, "true");
    }
    return b.build();
  }

  static Component conda(String spec, String defaultChannel, ScanFile file) {
    if (spec.isEmpty()) {
      return null;
    }
    String channel = defaultChannel;
    int cc = spec.indexOf("::");
    if (cc > 0) {
      channel = spec.substring(0, cc);
      spec = spec.substring(cc + 2);
    }
    int i = 0;
    while (i < spec.length() && "=<>!~ ".indexOf(spec.charAt(i)) < 0) {
      i++;
    }
    String name = spec.substring(0, i).strip();
    String rest = spec.substring(i).strip();
    String version = null;
    String build = null;
    if (rest.startsWith("==")) {
      version = rest.substring(2).strip();
    } else if (rest.startsWith("=") && !rest.startsWith("=>")) {
      String[] parts = rest.substring(1).split("=", 2);
      version = parts[0].strip();
      build = parts.length > 1 ? parts[1].strip() : null;
    } else if (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
      String[] parts = rest.split(" ");
      version = parts[0];
      build = parts.length > 1 ? parts[1] : null;
    }
    if (version != null && (version.contains("*") || version.contains(",") || version.contains("|") || version.isEmpty())) {
      version = null;
    }
    if (name.isEmpty()) {
      return null;
    }
    Component.Builder b = Component.builder(ComponentType.LIBRARY, name).version(version)
        .purl(Purls.of("conda", null, name, version, Map.of("channel", channel == null ? "" : channel, "build", build == null ? "" : build)))
        .scope(DependencyScope.DIRECT).location(Location.of(file.path()));
    if (version == null) {
      b.property(Component.UNPINNED, "true").property("conda:spec", rest);
    }
    return b.build();
  }
}
