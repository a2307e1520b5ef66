package dev.bulwark.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What was scanned. {@code path} is as the user gave it; {@code facts} carries what the target itself
 * tells (e.g. a container image's user, entrypoint and exposed ports) under namespaced keys.
 */
public record Target(String path, Type type, Map<String, String> facts) {

  public enum Type {
    DIRECTORY, FILE, ARCHIVE, IMAGE, SBOM;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Target {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    facts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(facts == null ? Map.of() : facts));
  }
}
