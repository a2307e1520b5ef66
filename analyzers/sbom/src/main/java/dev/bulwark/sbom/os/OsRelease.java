package dev.bulwark.sbom.os;

import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The distribution of a root filesystem, from {@code etc/os-release} or {@code usr/lib/os-release} under the same
 * root as the package database (the root may be a prefix such as a layer folder), with the OSV ecosystem name
 * and the purl {@code distro} qualifier derived from it.
 */
record OsRelease(String id, String versionId, String version, String codename) {

  static final OsRelease UNKNOWN = new OsRelease(null, null, null, null);

  /** The root prefix of a package database path: {@code layer/var/lib/dpkg/status} with suffix given. */
  static String prefix(ScanFile db, String suffix) {
    String p = db.path();
    return p.endsWith(suffix) ? p.substring(0, p.length() - suffix.length()) : "";
  }

  static OsRelease find(String prefix, ScanContext context) {
    for (String candidate : new String[] {"etc/os-release", "usr/lib/os-release"}) {
      Optional<ScanFile> f = context.tree().file(prefix + candidate);
      if (f.isPresent() && f.get().size() < 64 << 10) {
        try {
          return parse(Parsers.readText(f.get(), context));
        } catch (IOException e) {
          // try the next location
        }
      }
    }
    Optional<ScanFile> alpine = context.tree().file(prefix + "etc/alpine-release");
    if (alpine.isPresent() && alpine.get().size() < 1024) {
      try {
        return new OsRelease("alpine", Parsers.readText(alpine.get(), context).strip(), null, null);
      } catch (IOException e) {
        return UNKNOWN;
      }
    }
    return UNKNOWN;
  }

  static OsRelease parse(String text) {
    Map<String, String> m = new HashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq <= 0 || line.startsWith("#")) {
        continue;
      }
      String v = line.substring(eq + 1).strip();
      if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
        v = v.substring(1, v.length() - 1);
      }
      m.put(line.substring(0, eq).strip(), v);
    }
    String id = m.get("ID");
    return new OsRelease(id == null ? null : id.toLowerCase(Locale.ROOT), m.get("VERSION_ID"), m.get("VERSION"),
        m.get("VERSION_CODENAME"));
  }

  /** purl {@code distro} qualifier: {@code debian-12}, {@code alpine-3.20.3}. */
  String distro() {
    if (id == null) {
      return null;
    }
    return versionId == null ? id : id + "-" + versionId;
  }

  private String major() {
    if (versionId == null) {
      return null;
    }
    int dot = versionId.indexOf('.');
    return dot < 0 ? versionId : versionId.substring(0, dot);
  }

  private String majorMinor() {
    if (versionId == null) {
      return null;
    }
    String[] p = versionId.split("\\.");
    return p.length >= 2 ? p[0] + "." + p[1] : versionId;
  }

  /** The OSV ecosystem name of this release, e.g. {@code Debian:12}, {@code Alpine:v3.20}; null when unknown. */
  String osvEcosystem() {
    if (id == null) {
      return null;
    }
    return switch (id) {
      case "debian" -> major() == null ? "Debian" : "Debian:" + major();
      case "ubuntu" -> versionId == null ? "Ubuntu"
          : "Ubuntu:" + versionId + (version != null && version.contains("LTS") ? ":LTS" : "");
      case "alpine" -> versionId == null ? "Alpine" : "Alpine:v" + majorMinor();
      case "almalinux" -> "AlmaLinux:" + major();
      case "rocky" -> "Rocky Linux:" + major();
      case "rhel" -> "Red Hat:" + major();
      case "opensuse-leap" -> "openSUSE:Leap " + versionId;
      case "opensuse-tumbleweed" -> "openSUSE:Tumbleweed";
      case "sles" -> "SUSE:Linux Enterprise Server " + versionId;
      case "wolfi" -> "Wolfi";
      case "chainguard" -> "Chainguard";
      case "mariner" -> "Mariner:" + versionId;
      case "azurelinux" -> "Azure Linux:" + versionId;
      case "photon" -> "Photon OS:" + versionId;
      default -> null;
    };
  }

  /** The distribution itself as an operating-system component, or null when unknown. */
  dev.bulwark.model.Component component(String osReleasePath) {
    if (id == null) {
      return null;
    }
    return dev.bulwark.model.Component.builder(dev.bulwark.model.ComponentType.OPERATING_SYSTEM, id).version(versionId)
        .ref("os:" + distro()).ecosystem(osvEcosystem())
        .location(dev.bulwark.model.Location.of(osReleasePath)).property("os:codename", codename).build();
  }
}
