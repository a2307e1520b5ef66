package dev.bulwark.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.ml.data.TableSource;
import dev.bulwark.ml.fairness.Confusion;
import dev.bulwark.ml.fairness.FairnessAnalysis;
import dev.bulwark.ml.fairness.FairnessRequest;
import dev.bulwark.ml.fairness.FairnessResult;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ProPublica's "Machine Bias" figures on their own data (../shared/data/compas; skipped when absent). */
class CompasTest {

  @Test
  void reproducesProPublicasFalsePositiveAndFalseNegativeRates() throws Exception {
    Path data = Fixtures.shared().map(p -> p.resolve("data/compas/compas-two-years.csv")).orElse(null);
    assumeTrue(data != null && Files.isRegularFile(data), "shared COMPAS data not available");
    FairnessRequest request = new FairnessRequest(data, "two_year_recid", "score_text", List.of("race"), List.of("1"),
        List.of("Medium", "High"), null, Map.of("race", "Caucasian"), 0, 0, 0.95);
    FairnessResult result;
    try (TableSource source = TableSource.open()) {
      result = FairnessAnalysis.run(source, request);
    }
    assertThat(result.rows()).isEqualTo(7214);
    assertThat(result.excludedRows()).isZero();
    Confusion black = group(result, "African-American");
    Confusion white = group(result, "Caucasian");
    // Published: FPR 44.85% / 23.45%, FNR 27.99% / 47.72%
    assertThat(percent(black.fpr())).isEqualTo("44.85");
    assertThat(percent(white.fpr())).isEqualTo("23.45");
    assertThat(percent(black.fnr())).isEqualTo("27.99");
    assertThat(percent(white.fnr())).isEqualTo("47.72");
    assertThat(black.count()).isEqualTo(3696);
    assertThat(white.count()).isEqualTo(2454);
    assertThat(result.metrics().get("race").referenceGroup()).isEqualTo("Caucasian");
  }

  private static Confusion group(FairnessResult r, String name) {
    return r.groupsOf("race").stream().filter(g -> g.group().equals(name)).findFirst().orElseThrow().counts();
  }

  private static String percent(double rate) {
    return String.format(java.util.Locale.ROOT, "%.2f", rate * 100);
  }
}
