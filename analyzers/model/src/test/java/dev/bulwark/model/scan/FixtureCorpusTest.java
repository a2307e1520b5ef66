package dev.bulwark.model.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Severity;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generated corpus: every malicious file flagged high or critical, no benign file flagged above info. */
class FixtureCorpusTest {

  @TestFactory
  Stream<DynamicTest> everyMaliciousFixtureIsFlaggedHighOrCritical() throws IOException {
    ScanContext ctx = CorpusSupport.context("malicious", Map.of());
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : Files.readAllLines(CorpusSupport.root("malicious").resolve("EXPECTED.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] parts = line.split("\t");
      tests.add(DynamicTest.dynamicTest(parts[0], () -> {
        List<Finding> found = CorpusSupport.scan(ctx, parts[0]);
        assertThat(found).as("findings for %s:%s", parts[0], CorpusSupport.describe(found))
            .anySatisfy(f -> {
              assertThat(f.rule()).isEqualTo(parts[1]);
              assertThat(f.severity().atLeast(Severity.HIGH)).isTrue();
            });
      }));
    }
    assertThat(tests).hasSizeGreaterThan(60);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> noBenignFixtureIsFlaggedAboveInfo() {
    ScanContext ctx = CorpusSupport.context("benign", Map.of());
    return ctx.tree().files().stream().map(f -> DynamicTest.dynamicTest(f.path(), () -> {
      List<Finding> found = CorpusSupport.scan(ctx, f);
      assertThat(found).as("findings for %s:%s", f.path(), CorpusSupport.describe(found))
          .noneMatch(x -> x.severity().atLeast(Severity.LOW));
    }));
  }

  @TestFactory
  Stream<DynamicTest> sklearnModelsAreCleanWithTheSklearnPack() {
    ScanContext ctx = CorpusSupport.context("benign-sklearn", Map.of("model.allow", "sklearn"));
    ScanContext strict = CorpusSupport.context("benign-sklearn", Map.of());
    return ctx.tree().files().stream().map(f -> DynamicTest.dynamicTest(f.path(), () -> {
      List<Finding> found = CorpusSupport.scan(ctx, f);
      assertThat(found).as("findings for %s:%s", f.path(), CorpusSupport.describe(found))
          .noneMatch(x -> x.severity().atLeast(Severity.LOW));
      List<Finding> withoutPack = CorpusSupport.scan(strict, strict.tree().file(f.path()).orElseThrow());
      assertThat(withoutPack).as("without the pack: %s", CorpusSupport.describe(withoutPack))
          .isNotEmpty()
          .allSatisfy(x -> assertThat(x.rule()).isEqualTo("model/pickle-unknown-callable"));
    }));
  }

  @Test
  void reviewFixturesAreMedium() {
    ScanContext ctx = CorpusSupport.context("review", Map.of());
    for (ScanFile f : ctx.tree().files()) {
      List<Finding> found = CorpusSupport.scan(ctx, f);
      assertThat(found).as("findings for %s:%s", f.path(), CorpusSupport.describe(found))
          .isNotEmpty()
          .allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
    }
  }

  @Test
  void everyBenignModelFileIsRecognisedByContent() {
    ScanContext ctx = CorpusSupport.context("benign", Map.of());
    ModelArtifactAnalyzer a = new ModelArtifactAnalyzer();
    for (ScanFile f : ctx.tree().files()) {
      boolean modelFile = !f.name().endsWith(".json") && !f.name().endsWith(".md") && !f.name().equals("weights.bin");
      assertThat(a.accepts(f)).as(f.path()).isEqualTo(modelFile);
    }
  }
}
