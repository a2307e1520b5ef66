package dev.bulwark.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.cli.PolicyCommandPlugin;
import dev.bulwark.spi.Gate;
import dev.bulwark.spi.InventoryAnalyzer;
import dev.bulwark.spi.ReportStage;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PolicyCommandsTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = new CommandLine(new PolicyCommandPlugin().command());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void policyTestRunsCasesBesideThePolicies() {
    Run r = run("test", Fixtures.path("policy/team").toString(), "--builtin", "-v");
    assertThat(r.out()).contains("PASS").doesNotContain("FAIL ");
    assertThat(r.out()).containsPattern("\\d+ cases, \\d+ passed, 0 failed");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
  }

  @Test
  void policyTestWithoutTestsOrWithBrokenPolicyIsAUsageError() {
    assertThat(run("test", "does/not/exist").code()).isEqualTo(2);
    Run r = run("test", Fixtures.path("policy/broken").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no policy test files");
  }

  @Test
  void lintReportsCelErrorsWithFileLineAndColumn() {
    Run r = run("lint", Fixtures.path("policy/broken").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).containsPattern("bad\\.yaml:5:\\d+: error: CEL: ");
  }

  @Test
  void lintFlagsExpiredWaiversAndPassesCleanFiles() {
    Run r = run("lint", Fixtures.path("policy/team/policy.yaml").toString());
    assertThat(r.out()).contains("expired on 2025-12-31");
    assertThat(r.code()).isEqualTo(1);
    assertThat(run("lint", "does/not/exist").code()).isEqualTo(2);
  }

  @Test
  void pluginsAreRegistered() {
    assertThat(ServiceLoader.load(Gate.class).stream().map(p -> p.type().getSimpleName())).contains("PolicyGate");
    assertThat(ServiceLoader.load(ReportStage.class).stream().map(p -> p.type().getSimpleName())).contains("WaiverStage");
    assertThat(ServiceLoader.load(InventoryAnalyzer.class).stream().map(p -> p.type().getSimpleName()))
        .contains("LicensePolicyAnalyzer");
  }
}
