package dev.bulwark.sbom.npm;

import java.util.List;
import java.util.Map;

/** One resolved package of a yarn.lock, whatever the lockfile version. */
record YarnEntry(List<String> descriptors, String name, String version, String resolution, Map<String, String> dependencies,
    Map<String, String> optionalDependencies, String integrity, boolean firstParty, String workspacePath, int line) {

  /** Package name of a descriptor {@code name@range} ({@code @scope/name@range}). */
  static String nameOf(String descriptor) {
    int at = descriptor.indexOf('@', descriptor.startsWith("@") ? 1 : 0);
    return at < 0 ? descriptor : descriptor.substring(0, at);
  }

  static String rangeOf(String descriptor) {
    int at = descriptor.indexOf('@', descriptor.startsWith("@") ? 1 : 0);
    return at < 0 ? "" : descriptor.substring(at + 1);
  }
}
