package dev.bulwark.report;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the entries and edges read from one SBOM into components: refs from purls, ecosystems from purl
 * types (OSV names), direct/transitive scope from the graph, and Bulwark's own properties taken back into
 * fields when the SBOM was written by Bulwark.
 */
final class SbomAssembler {
  private static final int MAX_PURL = 4096;

  private final String path;
  private final List<SbomEntry> entries = new ArrayList<>();
  private final Map<String, Set<String>> edges = new HashMap<>();
  private final Set<String> rootRefs = new LinkedHashSet<>();
  private boolean writtenByBulwark;

  SbomAssembler(String path) {
    this.path = path;
  }

  void add(SbomEntry e) {
    entries.add(e);
  }

  int size() {
    return entries.size();
  }

  void edge(String from, String to) {
    if (from != null && to != null && !from.equals(to)) {
      edges.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
    }
  }

  /** The bom-ref of the document's subject (CycloneDX metadata.component, SPDX DESCRIBES target). */
  void root(String ref) {
    if (ref != null) {
      rootRefs.add(ref);
    }
  }

  void writtenByBulwark() {
    this.writtenByBulwark = true;
  }

  List<Component> components() {
    Map<String, String> refByBomRef = new HashMap<>();
    List<SbomEntry> kept = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (SbomEntry e : entries) {
      if (e.name == null || e.name.isBlank()) {
        continue;
      }
      String purl = validPurl(e.purl);
      e.purl = purl;
      if (e.subject && purl == null) {
        continue;
      }
      String ref;
      if (e.explicitRef != null) {
        ref = e.explicitRef;
      } else if (purl != null) {
        ref = purl;
      } else if (writtenByBulwark && e.bomRef != null) {
        ref = e.bomRef;
      } else {
        ref = Component.defaultRef(type(e.type), e.group, e.name, e.version);
      }
      if (e.bomRef != null) {
        refByBomRef.putIfAbsent(e.bomRef, ref);
      }
      kept.add(e);
      refs.add(ref);
    }
    Set<String> direct = new HashSet<>();
    for (String root : rootRefs) {
      for (String to : edges.getOrDefault(root, Set.of())) {
        direct.add(to);
      }
    }
    Set<String> inGraph = new HashSet<>();
    edges.forEach((from, tos) -> {
      inGraph.add(from);
      inGraph.addAll(tos);
    });
    List<Component> out = new ArrayList<>(kept.size());
    for (int i = 0; i < kept.size(); i++) {
      SbomEntry e = kept.get(i);
      Component.Builder b = Component.builder(type(e.type), e.name).ref(refs.get(i)).group(emptyToNull(e.group))
          .version(emptyToNull(e.version)).purl(e.purl).location(Location.of(path)).licenses(e.licenses);
      e.hashes.forEach(b::hash);
      PackageURL p = parse(e.purl);
      String ecosystem = p == null ? null : ecosystem(p);
      if (p != null && e.group == null && "maven".equals(p.getType())) {
        b.group(p.getNamespace());
      }
      DependencyScope scope = e.bomRef != null && direct.contains(e.bomRef) ? DependencyScope.DIRECT
          : e.bomRef != null && inGraph.contains(e.bomRef) && !rootRefs.isEmpty() ? DependencyScope.TRANSITIVE
          : DependencyScope.UNKNOWN;
      DependencyKind kind = kindOf(e.scope);
      boolean firstParty = e.subject;
      for (String[] prop : e.properties) {
        switch (prop[0]) {
          case CycloneDxBom.P_ECOSYSTEM -> ecosystem = prop[1];
          case CycloneDxBom.P_DEPENDENCY_SCOPE -> scope = enumOr(DependencyScope.class, prop[1], scope);
          case CycloneDxBom.P_KIND -> kind = enumOr(DependencyKind.class, prop[1], kind);
          case CycloneDxBom.P_FIRST_PARTY -> firstParty = Boolean.parseBoolean(prop[1]);
          case CycloneDxBom.P_LOCATION -> { }
          default -> b.property(prop[0], prop[1]);
        }
      }
      b.ecosystem(ecosystem).scope(scope).kind(kind).firstParty(firstParty);
      if (e.bomRef != null) {
        for (String to : edges.getOrDefault(e.bomRef, Set.of())) {
          String target = refByBomRef.get(to);
          if (target != null && !target.equals(refs.get(i))) {
            b.dependsOn(target);
          }
        }
      }
      out.add(b.build());
    }
    return out;
  }

  private static <E extends Enum<E>> E enumOr(Class<E> type, String id, E fallback) {
    try {
      return Enum.valueOf(type, id.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static DependencyKind kindOf(String scope) {
    if (scope == null) {
      return DependencyKind.UNKNOWN;
    }
    return switch (scope.toLowerCase(Locale.ROOT)) {
      case "required", "runtime" -> DependencyKind.RUNTIME;
      case "optional" -> DependencyKind.OPTIONAL;
      case "excluded", "dev", "development", "build" -> DependencyKind.DEVELOPMENT;
      case "test" -> DependencyKind.TEST;
      case "provided" -> DependencyKind.PROVIDED;
      default -> DependencyKind.UNKNOWN;
    };
  }

  static ComponentType type(String type) {
    if (type == null) {
      return ComponentType.LIBRARY;
    }
    String t = type.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ComponentType c : ComponentType.values()) {
      if (c.id().equals(t)) {
        return c;
      }
    }
    return switch (t) {
      case "platform", "operating_system" -> ComponentType.OPERATING_SYSTEM;
      case "device", "device-driver", "firmware", "cryptographic-asset", "archive", "install", "source" -> ComponentType.FILE;
      default -> ComponentType.LIBRARY;
    };
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String validPurl(String purl) {
    if (purl == null || purl.isBlank() || purl.length() > MAX_PURL) {
      return null;
    }
    return parse(purl.trim()) == null ? null : purl.trim();
  }

  private static PackageURL parse(String purl) {
    if (purl == null) {
      return null;
    }
    try {
      return new PackageURL(purl);
    } catch (MalformedPackageURLException | RuntimeException e) {
      return null;
    }
  }

  /** The OSV ecosystem of a purl type; Debian and Alpine carry their release when the purl names it. */
  static String ecosystem(PackageURL p) {
    String distro = p.getQualifiers() == null ? null : p.getQualifiers().get("distro");
    return switch (p.getType()) {
      case "maven" -> "Maven";
      case "npm" -> "npm";
      case "pypi" -> "PyPI";
      case "golang" -> "Go";
      case "cargo" -> "crates.io";
      case "gem" -> "RubyGems";
      case "composer" -> "Packagist";
      case "nuget" -> "NuGet";
      case "hex" -> "Hex";
      case "pub" -> "Pub";
      case "hackage" -> "Hackage";
      case "cran" -> "CRAN";
      case "cocoapods" -> "CocoaPods";
      case "conan" -> "ConanCenter";
      case "swift" -> "SwiftURL";
      case "deb" -> distroEcosystem(p.getNamespace(), distro);
      case "apk" -> alpine(p.getNamespace(), distro);
      case "rpm" -> p.getNamespace() == null ? null : capitalise(p.getNamespace());
      default -> null;
    };
  }

  private static String distroEcosystem(String namespace, String distro) {
    String name = namespace == null ? "Debian" : capitalise(namespace);
    if (distro != null) {
      String v = distro.contains("-") ? distro.substring(distro.lastIndexOf('-') + 1) : distro;
      if (name.equals("Debian")) {
        // OSV names Debian releases by major version: Debian:12
        v = switch (v.toLowerCase(Locale.ROOT)) {
          case "trixie" -> "13";
          case "bookworm" -> "12";
          case "bullseye" -> "11";
          case "buster" -> "10";
          case "stretch" -> "9";
          default -> v.contains(".") ? v.substring(0, v.indexOf('.')) : v;
        };
      }
      if (!v.isEmpty() && Character.isDigit(v.charAt(0))) {
        return name + ":" + v;
      }
    }
    return name;
  }

  private static String alpine(String namespace, String distro) {
    if (namespace != null && !namespace.equalsIgnoreCase("alpine")) {
      return capitalise(namespace);
    }
    if (distro != null) {
      String v = distro.contains("-") ? distro.substring(distro.lastIndexOf('-') + 1) : distro;
      String[] parts = v.replaceFirst("^v", "").split("\\.");
      if (parts.length >= 2 && !parts[0].isEmpty() && Character.isDigit(parts[0].charAt(0))) {
        return "Alpine:v" + parts[0] + "." + parts[1];
      }
    }
    return "Alpine";
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase(Locale.ROOT);
  }
}
