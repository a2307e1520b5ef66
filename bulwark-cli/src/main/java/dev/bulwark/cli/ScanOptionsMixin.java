package dev.bulwark.cli;

import dev.bulwark.engine.ScanOptions;
import dev.bulwark.model.Severity;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by {@code scan} and {@code sbom}, and their mapping to engine settings. */
final class ScanOptionsMixin {

  @Option(names = "--offline", description = "Never use the network (no database download).")
  boolean offline;

  @Option(names = "--online", description = "Let catalogers download what the local caches lack, e.g. Maven POMs "
      + "for transitive dependencies (into the cache folder).")
  boolean online;

  @Option(names = "--exclude-dev", description = "Leave development and test dependencies out of the inventory.")
  boolean excludeDev;

  @Option(names = "--threads", paramLabel = "N", description = "Analyzer threads (default: one per core).")
  Integer threads;

  @Option(names = "--db", paramLabel = "FILE", description = "Vulnerability database (default: the user cache folder).")
  Path db;

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Cache folder (default: $XDG_CACHE_HOME/bulwark or ~/.cache/bulwark).")
  Path cacheDir;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Analyzer setting, e.g. --set model.allow=sklearn (repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
  boolean quiet;

  ScanOptions toOptions(Severity failOn, Map<String, String> extra, boolean inventoryOnly) {
    ScanOptions d = ScanOptions.defaults();
    Map<String, String> all = new LinkedHashMap<>(settings);
    extra.forEach(all::putIfAbsent);
    if (db != null) {
      all.put("vuln.db", db.toAbsolutePath().toString());
    }
    if (offline) {
      all.put("offline", "true");
    }
    if (online) {
      if (offline) {
        throw new IllegalArgumentException("--online and --offline exclude each other");
      }
      all.put("sbom.online", "true");
    }
    if (cacheDir != null && System.getProperty("bulwark.cel.cache") == null) {
      // the policy module's compiled-expression cache is static; --cache-dir moves it with everything else
      System.setProperty("bulwark.cel.cache", cacheDir.resolve("cel").toAbsolutePath().toString());
    }
    return new ScanOptions(threads == null ? d.threads() : Math.max(1, threads), d.limits(), all, offline, excludeDev,
        inventoryOnly, failOn, cacheDir == null ? d.cacheDir() : cacheDir, d.clock());
  }

  static String joinPaths(List<Path> paths) {
    return String.join(",", paths.stream().map(p -> p.toAbsolutePath().toString()).toList());
  }
}
