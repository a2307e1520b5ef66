package dev.bulwark.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ml.data.TableSource;
import dev.bulwark.ml.fairness.AttributeMetrics;
import dev.bulwark.ml.fairness.Bootstrap;
import dev.bulwark.ml.fairness.FairnessAnalysis;
import dev.bulwark.ml.fairness.FairnessRequest;
import dev.bulwark.ml.fairness.FairnessResult;
import dev.bulwark.ml.fairness.GroupResult;
import dev.bulwark.spi.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FairnessReferenceTest {

  static FairnessResult audit(int bootstrap, long seed) throws Exception {
    FairnessRequest request = new FairnessRequest(Fixtures.path("fairness/small/data.csv"), "label", "pred",
        List.of("race", "sex"), List.of("1"), List.of(), null, Map.of(), bootstrap, seed, 0.95);
    try (TableSource source = TableSource.open()) {
      return FairnessAnalysis.run(source, request);
    }
  }

  @Test
  void groupsAndMetricsMatchThePandasReference() throws Exception {
    FairnessResult result = audit(0, 1);
    JsonNode expected = Reference.expected().at("/fairness/small");
    assertThat(result.groups()).hasSize(expected.get("groups").size());
    for (JsonNode g : expected.get("groups")) {
      GroupResult actual = result.groups().stream()
          .filter(x -> x.attribute().equals(g.get("attribute").asText()) && x.group().equals(g.get("group").asText()))
          .findFirst().orElseThrow(() -> new AssertionError("missing group " + g));
      assertThat(actual.counts().count()).isEqualTo(g.get("count").asLong());
      assertThat(actual.counts().tp()).isEqualTo(g.get("tp").asLong());
      assertThat(actual.counts().fp()).isEqualTo(g.get("fp").asLong());
      assertThat(actual.counts().tn()).isEqualTo(g.get("tn").asLong());
      assertThat(actual.counts().fn()).isEqualTo(g.get("fn").asLong());
      for (String rate : List.of("selectionRate", "tpr", "fpr", "fnr", "tnr", "ppv", "npv", "accuracy")) {
        Reference.assertStatistic(g + " " + rate, Bootstrap.rate(actual.counts(), rate), g.get(rate).asDouble());
      }
    }
    expected.get("metrics").fields().forEachRemaining(e -> {
      AttributeMetrics m = result.metrics().get(e.getKey());
      for (String name : AttributeMetrics.NAMES) {
        Reference.assertStatistic(e.getKey() + " " + name, m.get(name), e.getValue().get(name).asDouble());
      }
      assertThat(m.fourFifthsRule()).isEqualTo(e.getValue().get("fourFifthsRule").asBoolean());
    });
  }

  @Test
  void bootstrapIsDeterministicPerSeedAndCoversThePointEstimate() throws Exception {
    FairnessResult a = audit(300, 7);
    FairnessResult b = audit(300, 7);
    FairnessResult c = audit(300, 8);
    assertThat(a.intervals()).isEqualTo(b.intervals());
    assertThat(a.intervals().metrics()).isNotEqualTo(c.intervals().metrics());
    for (AttributeMetrics m : a.metrics().values()) {
      Bootstrap.Interval i = a.intervals().metrics().get(m.attribute()).get("demographicParityDifference");
      assertThat(i.low()).isLessThanOrEqualTo(i.high());
      assertThat(m.demographicParityDifference()).isBetween(i.low() - 0.05, i.high() + 0.05);
    }
    Bootstrap.Interval sr = a.intervals().groups().get("race").get("A").get("selectionRate");
    double point = a.groupsOf("race").stream().filter(g -> g.group().equals("A")).findFirst().orElseThrow().counts().selectionRate();
    assertThat(point).isBetween(sr.low(), sr.high());
    assertThat(sr.high() - sr.low()).isBetween(0.01, 0.1);
  }
}
