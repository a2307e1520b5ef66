package dev.bulwark.data.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.data.PiiEntity;
import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Precision and recall on the shared Presidio-research synthetic set; skipped when the set is absent. */
class LabelledSetEvaluationTest {

  @Test
  void validatedEntitiesReachTheTargets() throws IOException {
    Path set = Fixtures.shared().map(p -> p.resolve("data/pii/synth_dataset_v2.json")).orElse(null);
    assumeTrue(set != null && Files.isRegularFile(set), "shared PII set not present");
    Map<PiiEntity, LabelledSetEvaluation.Score> scores = LabelledSetEvaluation.evaluate(set, new TextDetector());
    System.out.print(LabelledSetEvaluation.table(scores));
    for (PiiEntity e : List.of(PiiEntity.EMAIL, PiiEntity.PHONE, PiiEntity.CREDIT_CARD, PiiEntity.IBAN,
        PiiEntity.US_SSN, PiiEntity.IP_ADDRESS)) {
      LabelledSetEvaluation.Score s = scores.get(e);
      assertThat(s.labelled()).as(e + " labelled spans").isPositive();
      assertThat(s.precision()).as(e + " precision").isGreaterThanOrEqualTo(0.95);
      assertThat(s.recall()).as(e + " recall").isGreaterThanOrEqualTo(0.95);
    }
  }
}
