package dev.bulwark.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ml.gate.DriftGateAnalyzer;
import dev.bulwark.ml.gate.FairnessGateAnalyzer;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.TargetAnalyzer;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GateAnalyzersTest {

  @Test
  void fairnessFailuresBecomeFindingsForThePolicyGate() throws Exception {
    Path root = Fixtures.path("fairness/small");
    ScanContext ctx = Fixtures.context(root, Map.of("ml.fairness.data", "data.csv", "ml.fairness.label", "label",
        "ml.fairness.prediction", "pred", "ml.fairness.sensitive", "race,sex", "ml.fairness.failOn", "four-fifths,dp-diff>0.3"));
    FairnessGateAnalyzer analyzer = new FairnessGateAnalyzer();
    assertThat(analyzer.enabled(ctx)).isTrue();
    assertThat(analyzer.enabled(Fixtures.context(root, Map.of()))).isFalse();
    List<Finding> findings = analyzer.analyze(Fixtures.tree(root), ctx);
    assertThat(findings).extracting(Finding::rule).containsExactlyInAnyOrder(
        "fairness/four-fifths", "fairness/four-fifths", "fairness/demographicParityDifference", "fairness/demographicParityDifference");
    assertThat(findings).allMatch(f -> f.scanner() == Scanner.POLICY && f.severity() == Severity.HIGH);
    assertThat(findings).extracting(f -> f.evidence().get("attribute")).contains("race", "race & sex").doesNotContain("sex");
    assertThat(findings.get(0).location().path()).isEqualTo("data.csv");
    assertThat(analyzer.analyze(Fixtures.tree(root), ctx)).extracting(Finding::id)
        .containsExactlyElementsOf(findings.stream().map(Finding::id).toList());
  }

  @Test
  void driftBecomesFindingsAndMissingDataIsUnreadable() throws Exception {
    Path root = Fixtures.path("drift/equal");
    ScanContext ctx = Fixtures.context(root, Map.of("ml.drift.reference", "reference.csv", "ml.drift.current", "current.csv"));
    List<Finding> findings = new DriftGateAnalyzer().analyze(Fixtures.tree(root), ctx);
    assertThat(findings).extracting(Finding::rule).containsExactly("drift/dataset", "drift/column", "drift/column", "drift/column");
    ScanContext missing = Fixtures.context(root, Map.of("ml.drift.reference", "nope.csv", "ml.drift.current", "current.csv"));
    assertThatThrownBy(() -> new DriftGateAnalyzer().analyze(Fixtures.tree(root), missing))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("nope.csv");
  }

  @Test
  void bothAreRegistered() {
    assertThat(ServiceLoader.load(TargetAnalyzer.class).stream().map(p -> p.type().getSimpleName()).toList())
        .contains("FairnessGateAnalyzer", "DriftGateAnalyzer");
  }
}
