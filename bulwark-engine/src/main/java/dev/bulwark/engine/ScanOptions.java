package dev.bulwark.engine;

import dev.bulwark.model.Severity;
import dev.bulwark.spi.Limits;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * How to run one scan.
 *
 * @param threads analyzer pool size (bounded; at least 1)
 * @param settings plugin settings passed through to {@link dev.bulwark.spi.ScanContext#settings()}
 * @param failOn the default gate's threshold when no policy gate is installed; null means never fail on severity
 * @param inventoryOnly catalogers only (for {@code bulwark sbom}): no file, inventory or target analyzers
 */
public record ScanOptions(int threads, Limits limits, Map<String, String> settings, boolean offline,
    boolean excludeDev, boolean inventoryOnly, Severity failOn, Path cacheDir, Clock clock) {

  public ScanOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    Objects.requireNonNull(limits, "limits");
    settings = Map.copyOf(settings);
    Objects.requireNonNull(cacheDir, "cacheDir");
    Objects.requireNonNull(clock, "clock");
  }

  /** Defaults: one thread per core, default limits, fail on high, the user cache folder, the system clock. */
  public static ScanOptions defaults() {
    return new ScanOptions(Runtime.getRuntime().availableProcessors(), Limits.DEFAULT, Map.of(), false, false,
        false, Severity.HIGH, defaultCacheDir(), Clock.systemUTC());
  }

  public ScanOptions withSettings(Map<String, String> newSettings) {
    return new ScanOptions(threads, limits, newSettings, offline, excludeDev, inventoryOnly, failOn, cacheDir, clock);
  }

  public ScanOptions withInventoryOnly(boolean value) {
    return new ScanOptions(threads, limits, settings, offline, excludeDev, value, failOn, cacheDir, clock);
  }

  public ScanOptions withClock(Clock value) {
    return new ScanOptions(threads, limits, settings, offline, excludeDev, inventoryOnly, failOn, cacheDir, value);
  }

  public ScanOptions withLimits(Limits value) {
    return new ScanOptions(threads, value, settings, offline, excludeDev, inventoryOnly, failOn, cacheDir, clock);
  }

  /** {@code $XDG_CACHE_HOME/bulwark}, else {@code ~/.cache/bulwark}. */
  public static Path defaultCacheDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "bulwark");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "bulwark");
  }
}
