package dev.bulwark.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.testing.PolicyTestRunner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the test cases shipped with each built-in pack, as {@code bulwark policy test --builtin} does. */
class BuiltInPackTest {

  @ParameterizedTest
  @ValueSource(strings = {"baseline", "strict"})
  void packTestCasesPass(String pack) throws Exception {
    List<PolicyTestRunner.CaseResult> results = PolicyTestRunner.runBuiltIn(pack);
    assertThat(results).hasSizeGreaterThan(5);
    assertThat(results).allSatisfy(r -> assertThat(r.failure()).as(r.file() + " " + r.name()).isEmpty());
  }
}
