package dev.bulwark.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Severity;
import dev.bulwark.policy.license.LicenseOutcome;
import dev.bulwark.policy.license.LicensePolicy;
import dev.bulwark.policy.license.SpdxExpression;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LicensePolicyTest {
  private final LicensePolicy policy = new LicensePolicy(Set.of("MIT", "Apache-2.0", "BSD-3-Clause",
      "GPL-2.0-only WITH Classpath-exception-2.0"), Set.of("GPL-3.0-only", "AGPL-3.0-only", "GPL-2.0-only"),
      Severity.HIGH, Severity.MEDIUM, Severity.LOW, List.of(), new SourcePos("p", 1, 1));

  @Test
  void parsesPrecedenceIntoBranches() {
    assertThat(SpdxExpression.parse("MIT OR Apache-2.0 AND BSD-3-Clause").orElseThrow().branches())
        .containsExactly(List.of("MIT"), List.of("Apache-2.0", "BSD-3-Clause"));
    assertThat(SpdxExpression.parse("(MIT OR ISC) AND Apache-2.0").orElseThrow().branches())
        .containsExactly(List.of("MIT", "Apache-2.0"), List.of("ISC", "Apache-2.0"));
    assertThat(SpdxExpression.parse("GPL-2.0+ WITH Bison-exception-2.2").orElseThrow().branches())
        .containsExactly(List.of("GPL-2.0-or-later WITH Bison-exception-2.2"));
    assertThat(SpdxExpression.parse("mit or apache-2.0").orElseThrow().branches()).hasSize(2);
    assertThat(SpdxExpression.parse("Apache License, Version 2.0").orElseThrow().branches())
        .containsExactly(List.of("Apache-2.0"));
  }

  @Test
  void rejectsMalformedExpressions() {
    for (String bad : List.of("", "NOASSERTION", "MIT OR", "(MIT", "MIT AND AND ISC", "WITH x", "some random text, really",
        "MIT WITH")) {
      assertThat(SpdxExpression.parse(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void anAllowedOrBranchIsEnough() {
    assertThat(policy.judge(List.of("GPL-3.0-only OR MIT"))).isEqualTo(LicenseOutcome.ALLOWED);
    assertThat(policy.judge(List.of("MIT AND GPL-3.0-only"))).isEqualTo(LicenseOutcome.DENIED);
    assertThat(policy.judge(List.of("GPL-3.0-only OR AGPL-3.0-only"))).isEqualTo(LicenseOutcome.DENIED);
    assertThat(policy.judge(List.of("GPL-3.0-only OR MPL-2.0"))).isEqualTo(LicenseOutcome.NOT_ALLOWED);
    assertThat(policy.judge(List.of("MIT", "Apache-2.0"))).isEqualTo(LicenseOutcome.ALLOWED);
    assertThat(policy.judge(List.of("MIT", "GPL-3.0"))).isEqualTo(LicenseOutcome.DENIED);
  }

  @Test
  void exceptionsAndUnknowns() {
    assertThat(policy.judge(List.of("GPL-2.0-only WITH Classpath-exception-2.0"))).isEqualTo(LicenseOutcome.ALLOWED);
    assertThat(policy.judge(List.of("GPL-2.0-only WITH Autoconf-exception-2.0"))).isEqualTo(LicenseOutcome.DENIED);
    assertThat(policy.judge(List.of())).isEqualTo(LicenseOutcome.UNKNOWN);
    assertThat(policy.judge(List.of("see LICENSE file"))).isEqualTo(LicenseOutcome.UNKNOWN);
    assertThat(policy.judge(List.of("see LICENSE file", "GPL-3.0-only"))).isEqualTo(LicenseOutcome.DENIED);
  }

  @Test
  void denyOnlyPolicyAllowsTheRest() {
    LicensePolicy denyOnly = new LicensePolicy(Set.of(), Set.of("AGPL-3.0-only"), Severity.HIGH, Severity.MEDIUM,
        Severity.LOW, List.of("pkg:npm/internal-*"), new SourcePos("p", 1, 1));
    assertThat(denyOnly.judge(List.of("MPL-2.0"))).isEqualTo(LicenseOutcome.ALLOWED);
    assertThat(denyOnly.judge(List.of("AGPL-3.0"))).isEqualTo(LicenseOutcome.DENIED);
    assertThat(denyOnly.ignores("pkg:npm/internal-ui@1")).isTrue();
  }
}
