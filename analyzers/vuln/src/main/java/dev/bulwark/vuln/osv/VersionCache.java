package dev.bulwark.vuln.osv;

import dev.bulwark.vuln.version.InvalidVersionException;
import dev.bulwark.vuln.version.Version;
import dev.bulwark.vuln.version.VersionScheme;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Parsed versions of one scan, so that each event version is parsed once however many components share it. */
public final class VersionCache {

  private static final Optional<Version> INVALID = Optional.empty();
  private final Map<VersionScheme, Map<String, Optional<Version>>> byScheme = new ConcurrentHashMap<>();

  /** The parsed version, or empty when the scheme cannot read it. */
  public Optional<Version> parse(VersionScheme scheme, String text) {
    Map<String, Optional<Version>> cache = byScheme.computeIfAbsent(scheme, s -> new ConcurrentHashMap<>());
    Optional<Version> v = cache.get(text);
    if (v == null) {
      try {
        v = Optional.of(scheme.parse(text));
      } catch (InvalidVersionException e) {
        v = INVALID;
      }
      if (cache.size() < 1_000_000) {
        cache.put(text, v);
      }
    }
    return v;
  }
}
