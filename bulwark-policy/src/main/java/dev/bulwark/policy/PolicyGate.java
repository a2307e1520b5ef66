package dev.bulwark.policy;

import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import dev.bulwark.spi.Gate;
import dev.bulwark.spi.ScanContext;
import java.util.Optional;

/**
 * The policy gate: evaluates the rules of {@code policy.files} (default: the built-in {@code baseline}
 * pack) over the report's active findings and inventory. {@code policy.failOn} (the CLI's
 * {@code --fail-on}) sets the threshold the packs read as {@code params.failOnRank}; for policies that
 * do not read it, a {@code fail-on} rule is added. {@code none} turns the threshold off, leaving the decision
 * to the policies' other rules.
 */
public final class PolicyGate implements Gate {

  @Override
  public Verdict decide(ScanReport report, ScanContext context) throws Exception {
    Optional<String> setting = context.setting(Policies.FAIL_ON).map(String::strip).filter(s -> !s.isEmpty());
    boolean none = setting.filter(s -> s.equalsIgnoreCase("none")).isPresent();
    Optional<Severity> failOn = none ? Optional.empty() : setting.map(Severity::parse);
    PolicyEvaluator evaluator = new PolicyEvaluator(Policies.forScan(context), failOn, none);
    return evaluator.evaluate(report.findings(), report.inventory());
  }
}
