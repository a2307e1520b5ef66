package dev.bulwark.vuln.osv;

import dev.bulwark.vuln.version.Ecosystems;
import java.util.Objects;

/**
 * A package to look up: its OSV ecosystem ({@code PyPI}, {@code Debian:12}...), its name as the
 * ecosystem writes it ({@code group:artifact} for Maven), the installed version, and the normalised name
 * used by the database index.
 */
public record PackageRef(String ecosystem, String name, String version, String normalisedName) {

  public PackageRef {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  public static PackageRef of(String ecosystem, String name, String version) {
    return new PackageRef(ecosystem, name, version, Ecosystems.normaliseName(ecosystem, name));
  }

  public String baseEcosystem() {
    return Ecosystems.base(ecosystem);
  }
}
