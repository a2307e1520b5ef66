package dev.bulwark.report.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.AnalyzerOutcome;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Location;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Target;
import dev.bulwark.model.Verdict;
import dev.bulwark.report.SbomFileCataloger;
import dev.bulwark.spi.ReportWriter;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Times every report writer on a synthetic inventory of N components (default 100,000) against a peer
 * measured in the same run: Jackson's plain databind serialisation of the same report records, the
 * least work any JSON output of that data needs. Also times reading the CycloneDX and SPDX output back
 * with the sbom/sbom-file cataloger. Run with {@code bench/writers.sh [N]}.
 */
public final class WriterBenchmark {

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    ScanReport report = report(n);
    Path dir = Files.createTempDirectory("bulwark-writer-bench");
    ObjectMapper mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .disable(com.fasterxml.jackson.databind.MapperFeature.REQUIRE_HANDLERS_FOR_JAVA8_TIMES).build();
    long peer = best(() -> {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("peer.json")))) {
        mapper.writeValue(out, report);
      }
    });
    System.out.printf("components=%d findings=%d%n", n, report.findings().size());
    System.out.printf("%-16s %10s %10s %8s%n", "writer", "cpu ms", "MB", "x peer");
    System.out.printf("%-16s %10d %10.1f %8.2f%n", "jackson (peer)", peer, mb(dir.resolve("peer.json")), 1.0);
    for (ReportWriter w : ServiceLoader.load(ReportWriter.class)) {
      Path file = dir.resolve("out." + w.format());
      long ms = best(() -> {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
          w.write(report, out, false);
        }
      });
      System.out.printf("%-16s %10d %10.1f %8.2f%n", w.format(), ms, mb(file), (double) ms / Math.max(1, peer));
    }
    SbomFileCataloger reader = new SbomFileCataloger();
    for (String format : List.of("cyclonedx-json", "cyclonedx-xml", "spdx-json")) {
      Path file = dir.resolve("out." + format);
      int[] count = new int[1];
      long ms = best(() -> count[0] = reader.catalog(Fixtures.file(file), Fixtures.context(file)).size());
      System.out.printf("%-16s %10d %10s %8.2f  (%d components read back)%n", "read " + format, ms, "", (double) ms / Math.max(1, peer), count[0]);
    }
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  interface Run {
    void run() throws Exception;
  }

  /** Best of three, in CPU time of this thread: on a shared, loaded machine wall time says little. */
  private static long best(Run r) throws Exception {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      r.run();
      best = Math.min(best, (threads.getCurrentThreadCpuTime() - t0) / 1_000_000);
    }
    return best;
  }

  private static double mb(Path p) throws Exception {
    return Files.size(p) / 1e6;
  }

  static ScanReport report(int n) {
    List<Component> cs = new ArrayList<>(n);
    List<Finding> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String purl = "pkg:npm/pkg-" + i + "@1." + (i % 7) + ".0";
      Component.Builder b = Component.builder(ComponentType.LIBRARY, "pkg-" + i).version("1." + (i % 7) + ".0")
          .purl(purl).ecosystem("npm").scope(i < 50 ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE)
          .kind(DependencyKind.RUNTIME).location(Location.of("package-lock.json")).license(i % 3 == 0 ? "MIT" : "ISC")
          .hash("sha1", String.format("%040x", i));
      for (int d = 1; d <= 3 && i + d < n; d++) {
        b.dependsOn("pkg:npm/pkg-" + (i + d) + "@1." + ((i + d) % 7) + ".0");
      }
      cs.add(b.build());
      if (i % 20 == 0) {
        fs.add(Finding.builder(Scanner.VULN, "GHSA-0000-0000-" + i, Severity.values()[i % 5], "pkg-" + i + " is vulnerable")
            .component(purl).location(Location.of("package-lock.json")).evidence("cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
            .build());
      }
    }
    return new ScanReport(new ScanReport.ToolInfo("bulwark", "bench"), new Target("bench", Target.Type.DIRECTORY, Map.of()),
        Instant.parse("2026-01-01T00:00:00Z"), 1, Inventory.of(cs), fs, List.of(AnalyzerOutcome.completed("sbom/npm", 1, 1)),
        Verdict.pass());
  }
}
