package dev.bulwark.vuln;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.bulwark.model.Component;
import dev.bulwark.vuln.osv.PackageRef;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an inventory component into the OSV package to look up: from its purl when it has one
 * (type → ecosystem, namespace folded into the name as the ecosystem writes it, distro qualifier →
 * release-specific ecosystem such as {@code Debian:12} or {@code Alpine:v3.19}), else from its
 * {@code ecosystem}, group and name. Components without a pinned version are not looked up.
 */
public final class ComponentPackages {

  private ComponentPackages() {}

  public static Optional<PackageRef> of(Component c) {
    if (c.isUnpinned() || "true".equals(c.properties().get(Component.UNRESOLVED))) {
      return Optional.empty();
    }
    if (c.purl() != null) {
      Optional<PackageRef> p = fromPurl(c.purl(), c.version());
      if (p.isPresent()) {
        return p;
      }
    }
    if (c.ecosystem() == null || c.version() == null || c.version().isBlank()) {
      return Optional.empty();
    }
    String name = c.ecosystem().equals("Maven") && c.group() != null ? c.group() + ":" + c.name()
        : c.group() != null && !c.group().isEmpty() && !c.name().contains("/") ? c.group() + "/" + c.name() : c.name();
    String version = c.ecosystem().equals("RubyGems") ? withoutGemPlatform(c.version()) : c.version();
    return Optional.of(PackageRef.of(c.ecosystem(), name, version));
  }

  static Optional<PackageRef> fromPurl(String purl, String fallbackVersion) {
    PackageURL p;
    try {
      p = new PackageURL(purl);
    } catch (MalformedPackageURLException e) {
      return Optional.empty();
    }
    String version = p.getVersion() != null ? p.getVersion() : fallbackVersion;
    if (version == null || version.isBlank()) {
      return Optional.empty();
    }
    String ns = p.getNamespace();
    String name = p.getName();
    Map<String, String> q = p.getQualifiers() == null ? Map.of() : p.getQualifiers();
    String slashed = ns == null ? name : ns + "/" + name;
    String eco;
    String pkg = slashed;
    switch (p.getType()) {
      case "maven" -> {
        eco = "Maven";
        pkg = ns == null ? name : ns + ":" + name;
      }
      case "pypi" -> eco = "PyPI";
      case "npm" -> eco = "npm";
      case "golang" -> eco = "Go";
      case "cargo" -> eco = "crates.io";
      case "gem" -> eco = "RubyGems";
      case "nuget" -> eco = "NuGet";
      case "composer" -> eco = "Packagist";
      case "hex" -> eco = "Hex";
      case "pub" -> eco = "Pub";
      case "swift" -> eco = "SwiftURL";
      case "hackage" -> eco = "Hackage";
      case "cran" -> eco = "CRAN";
      case "julia" -> eco = "Julia";
      case "bitnami" -> eco = "Bitnami";
      case "conan" -> eco = "ConanCenter";
      case "githubactions", "github" -> eco = "GitHub Actions";
      case "deb" -> {
        eco = distro(ns, q.get("distro"));
        pkg = q.getOrDefault("upstream", name);
        int space = pkg.indexOf(' ');
        if (space > 0) pkg = pkg.substring(0, space); // syft writes "src 1.2-3" when versions differ
        if (q.containsKey("epoch") && !version.contains(":")) version = q.get("epoch") + ":" + version;
      }
      case "apk" -> {
        eco = distro(ns, q.get("distro"));
        pkg = q.getOrDefault("upstream", name);
      }
      case "rpm" -> {
        eco = distro(ns, q.get("distro"));
        pkg = name;
        if (q.containsKey("epoch") && !version.contains(":")) version = q.get("epoch") + ":" + version;
      }
      default -> {
        return Optional.empty();
      }
    }
    if (eco == null) {
      return Optional.empty();
    }
    if (eco.equals("RubyGems")) {
      version = withoutGemPlatform(version);
    }
    return Optional.of(PackageRef.of(eco, pkg, version));
  }

  private static final java.util.List<String> GEM_PLATFORMS = java.util.List.of("x86", "x64", "arm", "aarch64",
      "java", "universal", "mingw", "mswin", "darwin", "linux", "jruby", "ruby", "i386", "i686", "powerpc", "s390x");

  /** Gemfile.lock writes platform gems as {@code 1.13.10-x86_64-linux}; the version is the part before. */
  static String withoutGemPlatform(String version) {
    int dash = version.indexOf('-');
    if (dash > 0) {
      String platform = version.substring(dash + 1).toLowerCase(Locale.ROOT);
      for (String p : GEM_PLATFORMS) {
        if (platform.startsWith(p)) return version.substring(0, dash);
      }
    }
    return version;
  }

  /** {@code deb/debian?distro=debian-12} → {@code Debian:12}; {@code apk/alpine?distro=alpine-3.19.1} → {@code Alpine:v3.19}. */
  static String distro(String namespace, String distro) {
    String ns = namespace == null ? "" : namespace.toLowerCase(Locale.ROOT);
    String d = distro == null ? "" : distro.toLowerCase(Locale.ROOT);
    String version = d.contains("-") ? d.substring(d.lastIndexOf('-') + 1) : d;
    switch (ns) {
      case "debian" -> {
        String v = switch (version) {
          case "bookworm" -> "12";
          case "bullseye" -> "11";
          case "buster" -> "10";
          case "trixie" -> "13";
          case "stretch" -> "9";
          default -> version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
        };
        return v.isEmpty() ? "Debian" : "Debian:" + v;
      }
      case "ubuntu" -> {
        return version.isEmpty() ? "Ubuntu" : "Ubuntu:" + version;
      }
      case "alpine" -> {
        String[] parts = version.split("\\.");
        return parts.length >= 2 ? "Alpine:v" + parts[0] + "." + parts[1] : "Alpine";
      }
      case "wolfi" -> {
        return "Wolfi";
      }
      case "chainguard" -> {
        return "Chainguard";
      }
      case "almalinux", "rocky", "rocky linux" -> {
        String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
        String base = ns.equals("almalinux") ? "AlmaLinux" : "Rocky Linux";
        return major.isEmpty() ? base : base + ":" + major;
      }
      default -> {
        return null;
      }
    }
  }
}
