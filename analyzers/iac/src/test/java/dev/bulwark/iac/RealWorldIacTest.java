package dev.bulwark.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.model.Finding;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs every IaC check over the real manifests, Dockerfiles and workflows in {@code shared/data/iac}
 * (skipped when absent) and writes counts per rule plus every finding to
 * {@code target/iac-real-world.txt} for review (see docs/iac-real-world.md). No analyzer may fail.
 */
class RealWorldIacTest {

  @Test
  void realWorldCorpus() throws Exception {
    Optional<Path> shared = Fixtures.shared();
    assumeTrue(shared.isPresent() && Files.isDirectory(shared.get().resolve("data/iac")), "no shared/data/iac");
    Path root = shared.get().resolve("data/iac");
    IacAnalyzerBase.strict = false;
    ScanContext context = Fixtures.context(root);
    List<FileAnalyzer> analyzers = new ArrayList<>();
    ServiceLoader.load(FileAnalyzer.class).forEach(analyzers::add);
    Map<String, Integer> perRule = new TreeMap<>();
    Map<String, Integer> perAnalyzer = new TreeMap<>();
    List<String> lines = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    int files = 0;
    Map<String, Long> slowest = new java.util.HashMap<>();
    for (ScanFile f : context.tree().files()) {
      for (FileAnalyzer a : analyzers) {
        if (!a.accepts(f)) {
          continue;
        }
        files++;
        perAnalyzer.merge(a.id(), 1, Integer::sum);
        long t0 = System.nanoTime();
        try {
          for (Finding x : a.analyze(f, context)) {
            perRule.merge(x.rule(), 1, Integer::sum);
            lines.add(x.location() + " " + x.rule() + " " + x.severity().id() + " " + x.title());
          }
        } catch (UnreadableInputException e) {
          unreadable.add(e.getMessage());
        }
        slowest.merge(f.path(), (System.nanoTime() - t0) / 1_000_000L, Long::sum);
      }
    }
    StringBuilder out = new StringBuilder("files checked: " + files + " " + perAnalyzer + "\n");
    out.append("check evaluations skipped on unexpected input: ").append(CheckRunner.SKIPPED.get())
        .append(CheckRunner.SKIPPED.get() > 0 ? " (last: " + CheckRunner.lastSkip + ")" : "").append('\n');
    out.append("unreadable: ").append(unreadable.size()).append('\n');
    unreadable.forEach(u -> out.append("  ").append(u).append('\n'));
    perRule.forEach((r, n) -> out.append(String.format("%6d %s%n", n, r)));
    out.append("\nfindings:\n");
    lines.forEach(l -> out.append(l).append('\n'));
    Path report = Paths.get("target/iac-real-world.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, out, StandardCharsets.UTF_8);
    System.out.println(out.substring(0, out.indexOf("\nfindings:")));
    slowest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
        .forEach(e -> System.out.println("slowest: " + e.getValue() + " ms " + e.getKey()));
    assertThat(files).isGreaterThan(100);
  }
}
