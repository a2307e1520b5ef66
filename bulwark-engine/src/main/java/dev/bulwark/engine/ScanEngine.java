package dev.bulwark.engine;

import dev.bulwark.model.AnalyzerOutcome;
import dev.bulwark.model.Component;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Target;
import dev.bulwark.model.Verdict;
import dev.bulwark.spi.AnalyzerSkippedException;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.InventoryAnalyzer;
import dev.bulwark.spi.ReportStage;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.TargetAnalyzer;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one scan: walk → catalogers and file analyzers (parallel) → inventory and target analyzers →
 * report stages → gate. Every stage takes values and returns new ones; an analyzer that throws becomes a
 * {@code failed} outcome, malformed input becomes an {@code sbom/unreadable-file} finding.
 */
public final class ScanEngine {
  private final Plugins plugins;
  private final ScanOptions options;

  public ScanEngine(Plugins plugins, ScanOptions options) {
    this.plugins = plugins;
    this.options = options;
  }

  /** Thrown when the target itself cannot be scanned (missing, unreadable): the CLI's exit code 2. */
  public static final class TargetException extends Exception {
    private static final long serialVersionUID = 1L;

    public TargetException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public ScanReport scan(Path targetPath, Progress progress) throws TargetException, InterruptedException {
    Instant started = options.clock().instant();
    long t0 = System.nanoTime();
    if (!Files.exists(targetPath)) {
      throw new TargetException(targetPath + ": no such file or folder", null);
    }
    if (!Files.isReadable(targetPath)) {
      throw new TargetException(targetPath + ": permission denied", null);
    }
    try (Sandbox sandbox = new Sandbox()) {
      ScanTree walked;
      try {
        walked = new TargetWalker(sandbox, new ExpansionBudget(options.limits())).walk(targetPath);
      } catch (NoSuchFileException e) {
        throw new TargetException(targetPath + ": no such file or folder", e);
      } catch (IOException | UncheckedIOException e) {
        throw new TargetException(targetPath + ": cannot read: " + e.getMessage(), e);
      }
      progress.update("walk", walked.tree().files().size(), walked.tree().files().size());
      Path root = targetPath.toAbsolutePath().normalize();
      ScanContext context = new ScanContext(walked.target(), Optional.of(root), walked.tree(), options.settings(),
          options.limits(), options.clock(), options.cacheDir(), options.offline());
      ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
        Thread t = new Thread(r, "bulwark-worker");
        t.setDaemon(true);
        return t;
      });
      try {
        return run(walked, context, pool, started, t0, progress);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private ScanReport run(ScanTree walked, ScanContext context, ExecutorService pool, Instant started, long t0,
      Progress progress) throws InterruptedException, TargetException {
    Map<String, AnalyzerStats> stats = Collections.synchronizedMap(new LinkedHashMap<>());
    List<Cataloger> catalogers = plugins.catalogers();
    List<FileAnalyzer> analyzers = options.inventoryOnly() ? List.of() : plugins.fileAnalyzers();
    catalogers.forEach(c -> stats.put(c.id(), new AnalyzerStats(c.id())));
    analyzers.forEach(a -> stats.put(a.id(), new AnalyzerStats(a.id())));

    List<Component> components = Collections.synchronizedList(new ArrayList<>());
    List<Finding> findings = Collections.synchronizedList(new ArrayList<>(walked.findings()));
    List<ScanFile> files = walked.tree().files();
    AtomicLong done = new AtomicLong();
    List<Future<?>> futures = new ArrayList<>(files.size());
    // stats resolved once: the per-file loop runs (catalogers + analyzers) x files times
    AnalyzerStats[] catalogerStats = catalogers.stream().map(c -> stats.get(c.id())).toArray(AnalyzerStats[]::new);
    AnalyzerStats[] analyzerStats = analyzers.stream().map(a -> stats.get(a.id())).toArray(AnalyzerStats[]::new);
    for (ScanFile file : files) {
      futures.add(pool.submit(() -> {
        dispatch(file, catalogers, catalogerStats, analyzers, analyzerStats, context, components, findings);
        progress.update("files", done.incrementAndGet(), files.size());
      }));
    }
    awaitAll(futures);

    Target target = walked.target();
    if (target.type() == Target.Type.FILE) {
      // the walker saw one file; a cataloger of inventory documents that read it makes the target an SBOM
      for (Cataloger c : catalogers) {
        AnalyzerOutcome o = stats.get(c.id()).outcome();
        if (c.readsInventoryDocuments() && o.filesSeen() > 0 && o.status() == AnalyzerOutcome.Status.COMPLETED) {
          target = new Target(target.path(), Target.Type.SBOM, target.facts());
        }
      }
    }
    Inventory inventory = Inventory.of(withLayers(components, walked.layerOfPath()));
    if (options.excludeDev()) {
      inventory = new Inventory(inventory.components().stream().filter(c -> !c.kind().isDevOnly()).toList());
    }
    progress.update("inventory", 0, 1);
    if (!options.inventoryOnly()) {
      runWholeTargetAnalyzers(inventory, walked, context, pool, stats, findings);
    }

    List<AnalyzerOutcome> outcomes = new ArrayList<>();
    synchronized (stats) {
      stats.values().forEach(s -> outcomes.add(s.outcome()));
    }
    List<Finding> sorted = dedupe(findings);
    long durationMs = (System.nanoTime() - t0) / 1_000_000;
    ScanReport report = new ScanReport(ToolVersion.info(), target, started, durationMs, inventory, sorted,
        sortOutcomes(outcomes), Verdict.pass());
    if (options.inventoryOnly()) {
      return report;
    }
    report = applyStages(report, context, outcomes);
    report = decide(report, context, outcomes);
    return new ScanReport(report.tool(), report.target(), report.startedAt(), (System.nanoTime() - t0) / 1_000_000,
        report.inventory(), report.findings(), sortOutcomes(outcomes), report.verdict());
  }

  /** Records on each component the image layer that provided the file it was found in. */
  private static List<Component> withLayers(List<Component> components, Map<String, String> layerOfPath) {
    if (layerOfPath.isEmpty()) {
      return components;
    }
    List<Component> out = new ArrayList<>(components.size());
    synchronized (components) {
      for (Component c : components) {
        String layer = c.locations().stream().map(l -> layerOfPath.get(l.path())).filter(java.util.Objects::nonNull)
            .findFirst().orElse(null);
        out.add(layer == null || c.properties().containsKey("bulwark:layer") ? c
            : c.toBuilder().property("bulwark:layer", layer).build());
      }
    }
    return out;
  }

  private void dispatch(ScanFile file, List<Cataloger> catalogers, AnalyzerStats[] catalogerStats,
      List<FileAnalyzer> analyzers, AnalyzerStats[] analyzerStats, ScanContext context, List<Component> components,
      List<Finding> findings) {
    for (int i = 0; i < catalogers.size(); i++) {
      Cataloger c = catalogers.get(i);
      AnalyzerStats s = catalogerStats[i];
      long start = 0;
      try {
        if (!c.claims(file)) {
          continue;
        }
        start = System.nanoTime();
        components.addAll(c.catalog(file, context));
      } catch (UnreadableInputException e) {
        findings.add(EngineRules.UNREADABLE_FILE.unreadableBy(file.path(), e.problem(), c.id()));
      } catch (UncheckedIOException e) {
        findings.add(EngineRules.UNREADABLE_FILE.at(file.path(), "cannot read: " + e.getCause().getMessage()));
      } catch (Exception | StackOverflowError e) {
        s.failed(file.path() + ": " + describe(e));
      }
      s.ran(start == 0 ? 0 : System.nanoTime() - start);
    }
    for (int i = 0; i < analyzers.size(); i++) {
      FileAnalyzer a = analyzers.get(i);
      AnalyzerStats s = analyzerStats[i];
      long start = 0;
      try {
        if (!a.accepts(file)) {
          continue;
        }
        start = System.nanoTime();
        findings.addAll(a.analyze(file, context));
      } catch (UnreadableInputException e) {
        findings.add(EngineRules.UNREADABLE_FILE.unreadableBy(file.path(), e.problem(), a.id()));
      } catch (UncheckedIOException e) {
        findings.add(EngineRules.UNREADABLE_FILE.at(file.path(), "cannot read: " + e.getCause().getMessage()));
      } catch (Exception | StackOverflowError e) {
        s.failed(file.path() + ": " + describe(e));
      }
      s.ran(start == 0 ? 0 : System.nanoTime() - start);
    }
  }

  private void runWholeTargetAnalyzers(Inventory inventory, ScanTree walked, ScanContext context, ExecutorService pool,
      Map<String, AnalyzerStats> stats, List<Finding> findings) throws InterruptedException {
    List<Future<?>> futures = new ArrayList<>();
    for (InventoryAnalyzer a : plugins.inventoryAnalyzers()) {
      AnalyzerStats s = new AnalyzerStats(a.id());
      stats.put(a.id(), s);
      futures.add(pool.submit(() -> timed(s, () -> a.analyze(inventory, context), findings)));
    }
    for (TargetAnalyzer a : plugins.targetAnalyzers()) {
      AnalyzerStats s = new AnalyzerStats(a.id());
      stats.put(a.id(), s);
      if (!a.enabled(context)) {
        s.skipped("not enabled for this scan");
        continue;
      }
      futures.add(pool.submit(() -> timed(s, () -> a.analyze(walked.tree(), context), findings)));
    }
    awaitAll(futures);
  }

  private static void timed(AnalyzerStats s, Callable<List<Finding>> work, List<Finding> findings) {
    long start = System.nanoTime();
    try {
      findings.addAll(work.call());
    } catch (AnalyzerSkippedException e) {
      s.skipped(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      s.failed("interrupted");
    } catch (Exception | StackOverflowError e) {
      s.failed(describe(e));
    }
    s.ran(System.nanoTime() - start);
  }

  private ScanReport applyStages(ScanReport report, ScanContext context, List<AnalyzerOutcome> outcomes)
      throws TargetException {
    for (ReportStage stage : plugins.stages()) {
      long start = System.nanoTime();
      try {
        ScanReport next = stage.apply(report, context);
        report = next.withVerdict(report.verdict());
        outcomes.add(AnalyzerOutcome.completed(stage.id(), (System.nanoTime() - start) / 1_000_000, 0));
      } catch (AnalyzerSkippedException e) {
        outcomes.add(AnalyzerOutcome.skipped(stage.id(), e.getMessage()));
      } catch (UnreadableInputException e) {
        // stages read files the user gave (VEX, baselines, waivers): a bad one is a usage error, not a crash
        throw new TargetException(e.getMessage(), e);
      } catch (Exception e) {
        outcomes.add(AnalyzerOutcome.failed(stage.id(), describe(e), (System.nanoTime() - start) / 1_000_000, 0));
      }
    }
    return new ScanReport(report.tool(), report.target(), report.startedAt(), report.durationMs(), report.inventory(),
        dedupe(report.findings()), sortOutcomes(outcomes), report.verdict());
  }

  private ScanReport decide(ScanReport report, ScanContext context, List<AnalyzerOutcome> outcomes) {
    var gate = plugins.gate().orElseGet(() -> new FailOnGate(options.failOn()));
    long start = System.nanoTime();
    try {
      Verdict verdict = gate.decide(report, context);
      outcomes.add(AnalyzerOutcome.completed("gate", (System.nanoTime() - start) / 1_000_000, 0));
      return report.withVerdict(verdict);
    } catch (Exception e) {
      outcomes.add(AnalyzerOutcome.failed("gate", describe(e), (System.nanoTime() - start) / 1_000_000, 0));
      return report.withVerdict(new Verdict(Verdict.Result.FAIL, List.of("the gate failed: " + describe(e)), List.of()));
    }
  }

  private static void awaitAll(List<Future<?>> futures) throws InterruptedException {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        // dispatch() catches everything an analyzer throws; reaching here is an engine bug
        throw new IllegalStateException("scan worker failed: " + e.getCause(), e.getCause());
      }
    }
  }

  private static List<Finding> dedupe(List<Finding> findings) {
    Map<String, Finding> byId = new LinkedHashMap<>();
    synchronized (findings) {
      for (Finding f : findings) {
        Finding seen = byId.putIfAbsent(f.id(), f);
        if (seen != null && seen.evidence().containsKey("analyzers") && f.evidence().containsKey("analyzers")
            && seen.rule().equals(f.rule())) {
          byId.put(f.id(), EngineRules.mergeAnalyzers(seen, f));
        }
      }
    }
    List<Finding> sorted = new ArrayList<>(byId.values());
    Collections.sort(sorted);
    return sorted;
  }

  private static List<AnalyzerOutcome> sortOutcomes(List<AnalyzerOutcome> outcomes) {
    Map<String, AnalyzerOutcome> byId = new LinkedHashMap<>();
    for (AnalyzerOutcome o : outcomes) {
      byId.put(o.analyzer(), o);
    }
    List<AnalyzerOutcome> sorted = new ArrayList<>(byId.values());
    sorted.sort(java.util.Comparator.comparing(AnalyzerOutcome::analyzer));
    return sorted;
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 300 ? m.substring(0, 300) + "…" : m));
  }

  /** Target of a scan that read no files, e.g. for reports built outside the engine. */
  public static Target targetOf(Path path) {
    return new Target(path.toString(), Files.isDirectory(path) ? Target.Type.DIRECTORY : Target.Type.FILE, Map.of());
  }
}
