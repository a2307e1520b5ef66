package dev.bulwark.sbom.python;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Pep503;
import dev.bulwark.sbom.internal.Purls;

/** Builders for PyPI components with the PEP 503 name in name and purl. */
final class PyComponents {

  private PyComponents() {}

  static Component.Builder library(String name, String version, Location location) {
    String n = Pep503.normalize(name);
    Component.Builder b = Component.builder(ComponentType.LIBRARY, n).version(version)
        .purl(Purls.pypi(n, version)).ecosystem(Ecosystems.PYPI);
    if (location != null) {
      b.location(location);
    }
    return b;
  }

  /** Ref of a PyPI package as the builder would give it. */
  static String ref(String name, String version) {
    return Purls.pypi(name, version);
  }
}
