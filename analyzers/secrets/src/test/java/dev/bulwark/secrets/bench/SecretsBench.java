package dev.bulwark.secrets.bench;

import dev.bulwark.model.Finding;
import dev.bulwark.secrets.SecretFileAnalyzer;
import dev.bulwark.spi.PathScanFile;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Whole-tree throughput of the secrets file analyzer, as the engine calls it (accepts, then analyze, reading
 * each file from disk), on one thread. Prints one line of key=value pairs for bench/secrets/run.sh.
 *
 * <p>usage: SecretsBench TREE [passes]; the first pass warms the JIT and the page cache and is not counted.
 */
public final class SecretsBench {

  private SecretsBench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath();
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<ScanFile> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.add(PathScanFile.of(root, p));
      }
    }
    long bytes = files.stream().mapToLong(ScanFile::size).sum();
    ScanContext context = Fixtures.context(root.resolve(files.get(0).path()), Map.of());
    SecretFileAnalyzer analyzer = new SecretFileAnalyzer();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    AtomicLong findings = new AtomicLong();
    double bestWall = Double.MAX_VALUE;
    double bestCpu = Double.MAX_VALUE;
    for (int pass = 0; pass < passes; pass++) {
      findings.set(0);
      long t0 = System.nanoTime();
      long c0 = mx.getCurrentThreadCpuTime();
      for (ScanFile f : files) {
        findings.addAndGet(scan(analyzer, f, context));
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      System.err.printf("pass %d: %.2f s wall, %.2f s cpu, %d findings%n", pass, wall, cpu, findings.get());
      if (pass > 0 || passes == 1) {
        bestWall = Math.min(bestWall, wall);
        bestCpu = Math.min(bestCpu, cpu);
      }
    }
    System.out.printf("files=%d bytes=%d findings=%d wall_s=%.3f cpu_s=%.3f%n", files.size(), bytes, findings.get(),
        bestWall, bestCpu);
  }

  private static int scan(SecretFileAnalyzer analyzer, ScanFile f, ScanContext context) throws IOException {
    if (!analyzer.accepts(f)) {
      return 0;
    }
    List<Finding> out = analyzer.analyze(f, context);
    return out.size();
  }
}
