package dev.bulwark.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

  private static Finding finding(String id, Severity s) {
    return Finding.builder(Scanner.SECRET, "secret/x", s, "t").id(id).build();
  }

  @Test
  void failOnAddsARuleToPoliciesThatDoNotReadIt() throws Exception {
    PolicyFile f = new PolicyLoader().load("p.yaml", "rules:\n  - {id: secrets-warn, description: d, action: warn, match: \"finding.scanner == 'secret'\"}\n");
    Verdict v = new PolicyEvaluator(List.of(f), Optional.of(Severity.HIGH))
        .evaluate(List.of(finding("a", Severity.HIGH), finding("b", Severity.LOW)), Inventory.empty());
    assertThat(v.result()).isEqualTo(Verdict.Result.FAIL);
    assertThat(v.firedRules()).extracting(Verdict.FiredRule::rule).containsExactly("secrets-warn", "fail-on");
    assertThat(v.firedRules().get(1).findings()).containsExactly("a");
    Verdict noFailOn = new PolicyEvaluator(List.of(f), Optional.empty())
        .evaluate(List.of(finding("a", Severity.HIGH)), Inventory.empty());
    assertThat(noFailOn.result()).isEqualTo(Verdict.Result.WARN);
  }

  @Test
  void aRuleThatCannotBeEvaluatedFailsClosed() throws Exception {
    PolicyFile f = new PolicyLoader().load("p.yaml", "rules:\n  - {id: bad, description: d, action: info, match: \"finding.evidence.nokey == 'x'\"}\n");
    Verdict v = new PolicyEvaluator(List.of(f), Optional.empty()).evaluate(List.of(finding("a", Severity.LOW)), Inventory.empty());
    assertThat(v.result()).isEqualTo(Verdict.Result.FAIL);
    assertThat(v.firedRules()).singleElement().satisfies(r -> {
      assertThat(r.action()).isEqualTo("error");
      assertThat(r.message()).contains("p.yaml:2").contains("nokey");
    });
  }

  @Test
  void messagesRenderTheFirstFindingAndCountTheRest() throws Exception {
    Verdict v = new PolicyEvaluator(List.of(Policies.builtIn("baseline")), Optional.empty())
        .evaluate(List.of(finding("a", Severity.CRITICAL), finding("b", Severity.HIGH)), Inventory.empty());
    assertThat(v.firedRules()).singleElement().satisfies(r -> {
      assertThat(r.message()).isEqualTo("critical secret finding secret/x: t (and 1 more)");
      assertThat(r.findings()).containsExactly("a", "b");
    });
    assertThat(v.reasons()).singleElement().asString().startsWith("fail: baseline/severity-threshold matched 2");
  }
}
