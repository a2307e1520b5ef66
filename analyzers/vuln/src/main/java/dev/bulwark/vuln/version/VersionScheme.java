package dev.bulwark.vuln.version;

/** How one ecosystem writes and orders its versions. Implementations are stateless and thread-safe. */
public interface VersionScheme {

  /** Short name used in evidence and docs ({@code maven}, {@code pep440}, {@code semver}...). */
  String id();

  /** Parses a version; throws {@link InvalidVersionException} naming the text when it is not one of this scheme. */
  Version parse(String text);

  default int compare(String a, String b) {
    return parse(a).compareTo(parse(b));
  }
}
