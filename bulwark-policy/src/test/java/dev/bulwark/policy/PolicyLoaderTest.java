package dev.bulwark.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyLoaderTest {

  private static PolicyException failure(String text) {
    try {
      new PolicyLoader().load("p.yaml", text);
    } catch (PolicyException e) {
      return e;
    }
    throw new AssertionError("expected a PolicyException");
  }

  @Test
  void loadsRulesWaiversAndLicences() throws Exception {
    PolicyFile f = new PolicyLoader().load("p.yaml", """
        name: mine
        rules:
          - id: no-crit
            description: d
            severity: critical
            action: fail
            match: finding.severity == 'critical'
            message: "{{finding.rule}} is critical"
        waivers:
          - rule: CVE-1
            findings: [abc]
            reason: not reachable
            owner: sec@example.com
            expires: 2026-06-30
        licenses:
          allow: [MIT]
          deny: [GPL-3.0-only]
        """);
    assertThat(f.name()).isEqualTo("mine");
    assertThat(f.rules()).singleElement().satisfies(r -> {
      assertThat(r.action()).isEqualTo(Action.FAIL);
      assertThat(r.at().line()).isEqualTo(3);
    });
    assertThat(f.waivers()).singleElement().satisfies(w -> assertThat(w.findingIds()).containsExactly("abc"));
    assertThat(f.licenses()).isPresent();
    assertThat(f.warnings()).isEmpty();
  }

  @Test
  void compileErrorPointsIntoAPlainExpression() {
    PolicyException e = failure("""
        rules:
          - id: r
            description: d
            action: fail
            match: finding.severity == 'high' && nosuch.x
        """);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.at().line()).isEqualTo(5);
      assertThat(p.at().column()).isEqualTo(42);
      assertThat(p.message()).contains("nosuch");
    });
  }

  @Test
  void compileErrorPointsIntoABlockExpression() {
    PolicyException e = failure("""
        rules:
          - id: r
            description: d
            action: warn
            match: |
              finding.severity == 'high'
                && nosuch.rule == 'x'
        """);
    assertThat(e.problems()).isNotEmpty();
    assertThat(e.problems().get(0).at().line()).isEqualTo(7);
    assertThat(e.problems().get(0).toString()).startsWith("p.yaml:7:12:");
  }

  @Test
  void compileErrorPointsIntoAQuotedExpression() {
    PolicyException e = failure("rules:\n  - {id: r, description: d, action: fail, match: \"finding.x +\"}\n");
    assertThat(e.problems().get(0).at().line()).isEqualTo(2);
    assertThat(e.problems().get(0).at().column()).isGreaterThan(50);
  }

  @Test
  void reportsMissingAndInvalidFields() {
    PolicyException e = failure("""
        rules:
          - id: r
            action: explode
            severity: huge
            input: nothing
            match: "true"
          - description: no id
        waivers:
          - rule: x
            expires: tomorrow
        """);
    assertThat(e.problems()).extracting(PolicyProblem::message).anySatisfy(m -> assertThat(m).contains("unknown action"))
        .anySatisfy(m -> assertThat(m).contains("unknown severity"))
        .anySatisfy(m -> assertThat(m).contains("unknown input 'nothing'"))
        .anySatisfy(m -> assertThat(m).contains("missing 'id'"))
        .anySatisfy(m -> assertThat(m).contains("missing 'reason'"))
        .anySatisfy(m -> assertThat(m).contains("not YYYY-MM-DD"));
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.at().line()).isPositive());
  }

  @Test
  void duplicateIdsAndYamlSyntaxErrorsFail() {
    assertThat(failure("rules:\n  - {id: a, match: 'true'}\n  - {id: a, match: 'false'}\n").getMessage())
        .contains("duplicate rule id 'a'");
    assertThatThrownBy(() -> new PolicyLoader().load("bad.yaml", "rules: [\n")).isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("bad.yaml:");
  }

  @Test
  void builtInPacksLoadWithoutWarnings() throws Exception {
    for (String pack : Policies.BUILT_IN) {
      assertThat(Policies.builtIn(pack).warnings()).isEmpty();
      assertThat(Policies.builtIn(pack).rules()).isNotEmpty();
    }
  }
}
