package dev.bulwark.sbom.ruby;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.DependencyGraph;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bundler's {@code Gemfile.lock} (and {@code gems.locked}): specs of the GEM, GIT and PATH sections (PATH gems
 * are first-party), platform suffixes moved to a property, edges from the indented dependency lines, direct
 * gems from DEPENDENCIES. Hand-written line parser. Kinds from the Bundler groups of the {@code Gemfile} beside
 * the lockfile (the lockfile records none), propagated along the edges.
 */
public final class GemfileLockCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/gemfile-lock";
  }

  @Override
  public boolean claims(ScanFile file) {
    return (file.name().equals("Gemfile.lock") || file.name().equals("gems.locked")) && file.kind() == FileKind.TEXT;
  }

  private record Spec(String name, String version, String platform, String section, int line, List<String> deps) {}

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String[] lines = Parsers.readText(file, context).split("\n", -1);
    List<Spec> specs = new ArrayList<>();
    Set<String> direct = new HashSet<>();
    String section = null;
    boolean inSpecs = false;
    Spec current = null;
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (raw.isBlank()) {
        continue;
      }
      int indent = 0;
      while (indent < raw.length() && raw.charAt(indent) == ' ') {
        indent++;
      }
      String body = raw.strip();
      if (indent == 0) {
        section = body;
        inSpecs = false;
        current = null;
        continue;
      }
      if (section.equals("DEPENDENCIES") && indent == 2) {
        String name = body.split(" ")[0];
        direct.add(name.endsWith("!") ? name.substring(0, name.length() - 1) : name);
        continue;
      }
      if (!(section.equals("GEM") || section.equals("GIT") || section.equals("PATH") || section.equals("PLUGIN SOURCE"))) {
        continue;
      }
      if (indent == 2) {
        inSpecs = body.equals("specs:");
        continue;
      }
      if (!inSpecs) {
        continue;
      }
      int paren = body.indexOf(" (");
      String name = paren < 0 ? body : body.substring(0, paren);
      if (indent == 4 && paren > 0 && body.endsWith(")")) {
        String v = body.substring(paren + 2, body.length() - 1);
        int dash = v.indexOf('-');
        current = new Spec(name, dash < 0 ? v : v.substring(0, dash), dash < 0 ? null : v.substring(dash + 1), section,
            i + 1, new ArrayList<>());
        specs.add(current);
      } else if (indent == 6 && current != null) {
        current.deps().add(name);
      }
    }
    Map<String, String> refByName = new HashMap<>();
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    for (Spec s : specs) {
      boolean local = s.section().equals("PATH");
      Component.Builder b = Component.builder(ComponentType.LIBRARY, s.name()).version(s.version())
          .ecosystem(Ecosystems.RUBYGEMS).firstParty(local).location(Location.atLine(file.path(), s.line()));
      if (local) {
        b.ref("gem-local:" + file.path() + ":" + s.name());
      } else {
        b.purl(Purls.of("gem", null, s.name(), s.version()));
      }
      if (s.platform() != null) {
        b.property("gem:platform", s.platform());
      }
      if (s.section().equals("GIT")) {
        b.property("gem:source", "git");
      }
      if (!direct.isEmpty()) {
        b.scope(direct.contains(s.name()) ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE);
      }
      String ref = b.build().ref();
      builders.putIfAbsent(ref, b);
      refByName.putIfAbsent(s.name(), ref);
    }
    Map<String, List<String>> edges = new HashMap<>();
    for (Spec s : specs) {
      String fromRef = refByName.get(s.name());
      for (String d : s.deps()) {
        String to = refByName.get(d);
        if (to != null) {
          builders.get(fromRef).dependsOn(to);
          edges.computeIfAbsent(fromRef, x -> new ArrayList<>()).add(to);
        }
      }
    }
    Optional<Map<String, DependencyKind>> groups = GemfileGroups.of(file, context);
    if (groups.isPresent()) {
      Map<DependencyKind, List<String>> roots = new HashMap<>();
      for (String name : direct) {
        String ref = refByName.get(name);
        if (ref != null) {
          DependencyKind k = groups.get().getOrDefault(name, DependencyKind.RUNTIME);
          roots.computeIfAbsent(k, x -> new ArrayList<>()).add(ref);
        }
      }
      Map<String, DependencyKind> kinds = DependencyGraph.kinds(edges, roots);
      builders.forEach((ref, b) -> {
        if (!ref.startsWith("gem-local:")) {
          b.kind(kinds.getOrDefault(ref, DependencyKind.UNKNOWN));
        }
      });
    }
    List<Component> out = new ArrayList<>();
    builders.values().forEach(b -> out.add(b.build()));
    return out;
  }
}
