package dev.bulwark.spi;

import dev.bulwark.model.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What every analyzer may read besides its input: the target's files, the settings, the limits and a
 * clock. Immutable and shared between threads.
 *
 * @param root the target on disk (directory or file); empty for targets with no local form
 * @param settings plugin settings under namespaced keys ({@code vuln.db}, {@code secrets.gitHistory}, ...);
 *     each plugin documents and parses its own keys
 * @param cacheDir folder for caches such as the vulnerability database
 */
public record ScanContext(Target target, Optional<Path> root, FileTree tree, Map<String, String> settings,
    Limits limits, Clock clock, Path cacheDir, boolean offline) {

  public ScanContext {
    settings = Map.copyOf(settings);
  }

  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  public boolean flag(String key) {
    return Boolean.parseBoolean(settings.getOrDefault(key, "false"));
  }
}
