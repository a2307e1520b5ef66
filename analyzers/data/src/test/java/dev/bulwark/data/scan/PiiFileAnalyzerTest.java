package dev.bulwark.data.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Scanner;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PiiFileAnalyzerTest {

  private final Path root = Fixtures.path("pii-datasets/customers");
  private final ScanContext context = Fixtures.context(root);

  @Test
  void isFoundByServiceLoader() {
    assertThat(ServiceLoader.load(FileAnalyzer.class).stream().map(p -> p.get().id())).contains("pii/datasets");
  }

  @Test
  void oneFindingPerColumnAndEntityWithoutTheValues() throws IOException {
    PiiFileAnalyzer analyzer = new PiiFileAnalyzer();
    ScanFile csv = Fixtures.file(root.resolve("customers.csv"));
    assertThat(analyzer.accepts(csv)).isTrue();
    List<Finding> findings = analyzer.analyze(csv, context);
    assertThat(findings).extracting(f -> f.evidence().get("column") + "=" + f.rule().substring(4))
        .containsExactlyInAnyOrderElementsOf(DatasetScannerTest.EXPECTED);
    List<String> cells = Files.readAllLines(root.resolve("customers.csv")).stream().skip(1)
        .flatMap(l -> java.util.Arrays.stream(l.split(","))).filter(c -> c.length() >= 6).toList();
    for (Finding f : findings) {
      assertThat(f.scanner()).isEqualTo(Scanner.PII);
      assertThat(f.location().path()).isEqualTo("customers.csv");
      assertThat(f.evidence().get("sample")).contains("*");
      for (String v : f.evidence().values()) {
        assertThat(cells).as("evidence must not quote the data").noneMatch(v::contains);
      }
    }
    // fingerprints are stable across runs
    assertThat(analyzer.analyze(csv, context)).extracting(Finding::id)
        .containsExactlyInAnyOrderElementsOf(findings.stream().map(Finding::id).toList());
  }

  @Test
  void ignoresFilesThatAreNotDatasets() {
    PiiFileAnalyzer analyzer = new PiiFileAnalyzer();
    assertThat(analyzer.accepts(Fixtures.file(root.resolve("generate.py")))).isFalse();
  }

  @Test
  void textFindingsCarryLineAndColumn() throws IOException {
    List<Finding> findings = new PiiFileAnalyzer().analyze(Fixtures.file(root.resolve("support-chat.txt")), context);
    assertThat(findings).hasSize(40).allSatisfy(f -> assertThat(f.location().line()).isNotNull());
  }

  @Test
  void gzipCsvIsScannedLikeTheUncompressedFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path gz = dir.resolve("customers.csv.gz");
    try (var z = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(root.resolve("customers.csv"), z);
    }
    PiiFileAnalyzer analyzer = new PiiFileAnalyzer();
    ScanFile file = Fixtures.file(gz);
    assertThat(analyzer.accepts(file)).isTrue();
    assertThat(analyzer.analyze(file, Fixtures.context(dir))).extracting(f -> f.evidence().get("column") + "=" + f.rule().substring(4))
        .containsExactlyInAnyOrderElementsOf(DatasetScannerTest.EXPECTED);
  }
}
