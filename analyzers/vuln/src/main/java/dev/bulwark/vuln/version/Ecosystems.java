package dev.bulwark.vuln.version;

import java.util.Locale;

/**
 * What each OSV ecosystem means for matching: its version scheme and how its package names are
 * normalised so that the database index and the inventory agree.
 */
public final class Ecosystems {

  private static final VersionScheme MAVEN = new MavenVersionScheme();
  private static final VersionScheme GO = new GoVersionScheme();

  private Ecosystems() {}

  /** The part of an ecosystem before {@code :} ({@code Debian:12} → {@code Debian}). */
  public static String base(String ecosystem) {
    int colon = ecosystem.indexOf(':');
    return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
  }

  /**
   * True for ecosystems whose {@code :suffix} names a distribution release that must match exactly
   * ({@code Debian:12}, {@code Alpine:v3.19}); for others ({@code Packagist:https://packages.drupal.org/8})
   * the suffix names a registry and the base ecosystem decides.
   */
  public static boolean releaseSpecific(String baseEcosystem) {
    return switch (baseEcosystem) {
      case "Debian", "Ubuntu", "Alpine", "AlmaLinux", "Rocky Linux", "Red Hat", "SUSE", "openSUSE",
          "Photon OS", "Wolfi", "Chainguard", "Mageia", "openEuler", "Azure Linux", "Echo" -> true;
      default -> false;
    };
  }

  /** The ordering of versions in {@code ECOSYSTEM} ranges of this ecosystem. */
  public static VersionScheme scheme(String ecosystem) {
    return switch (base(ecosystem)) {
      case "Maven" -> MAVEN;
      case "PyPI" -> PythonVersion.SCHEME;
      case "npm", "crates.io", "Bitnami", "SwiftURL", "Julia" -> SemVer.SCHEME;
      case "Hex" -> SemVer.SCHEME;
      case "Pub" -> SemVer.PUB;
      case "Go" -> GO;
      case "RubyGems" -> RubyGemsVersion.SCHEME;
      case "NuGet" -> NuGetVersion.SCHEME;
      case "Packagist" -> ComposerVersion.SCHEME;
      case "Debian", "Ubuntu" -> DebianVersion.SCHEME;
      case "Alpine", "Wolfi", "Chainguard" -> AlpineVersion.SCHEME;
      case "AlmaLinux", "Rocky Linux", "Red Hat", "SUSE", "openSUSE", "Mageia", "openEuler", "Photon OS",
          "Azure Linux" -> RpmVersion.SCHEME;
      default -> FallbackVersion.SCHEME;
    };
  }

  /** {@code SEMVER} ranges use SemVer whatever the ecosystem (Go writes them without the {@code v}). */
  public static VersionScheme semverScheme(String ecosystem) {
    return base(ecosystem).equals("Go") ? GO : SemVer.SCHEME;
  }

  /** The package name as indexed: PEP 503 for PyPI, lower case where the registry ignores case. */
  public static String normaliseName(String ecosystem, String name) {
    String n = name.trim();
    return switch (base(ecosystem)) {
      case "PyPI" -> pep503(n);
      case "NuGet", "Packagist", "Hex", "Pub", "CRAN", "Hackage", "GHC", "Debian", "Ubuntu", "Alpine" ->
          n.toLowerCase(Locale.ROOT);
      // crates.io treats - and _ as the same and ignores case
      case "crates.io" -> n.toLowerCase(Locale.ROOT).replace('_', '-');
      // npm and Go names are case-sensitive: JSONStream and jsonstream are different packages
      default -> n;
    };
  }

  /** PEP 503: runs of {@code -}, {@code _} and {@code .} become one {@code -}; lower case. */
  public static String pep503(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean sep = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        sep = true;
      } else {
        if (sep && !b.isEmpty()) {
          b.append('-');
        }
        sep = false;
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }
}
