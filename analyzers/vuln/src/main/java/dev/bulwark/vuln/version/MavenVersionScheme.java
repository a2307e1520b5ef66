package dev.bulwark.vuln.version;

import org.apache.maven.artifact.versioning.ComparableVersion;

/** Maven's own ordering ({@link ComparableVersion}), which accepts every string. */
public final class MavenVersionScheme implements VersionScheme {

  record MavenVersion(String text, ComparableVersion value) implements Version {
    @Override
    public int compareTo(Version o) {
      return value.compareTo(((MavenVersion) o).value);
    }
  }

  @Override
  public String id() {
    return "maven";
  }

  @Override
  public Version parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      throw new InvalidVersionException(id(), text, "empty");
    }
    return new MavenVersion(text, new ComparableVersion(t));
  }
}
