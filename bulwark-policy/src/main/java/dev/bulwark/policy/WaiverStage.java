package dev.bulwark.policy;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Suppression;
import dev.bulwark.spi.ReportStage;
import dev.bulwark.spi.ScanContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the waivers of the scan's policy files (order 400, after VEX, baselines and inline allows):
 * a finding a live waiver covers gets {@code Suppression("waiver", "accepted", reason, file:line)}. An
 * expired waiver applies to nothing and becomes a {@code policy/expired-waiver} finding itself.
 */
public final class WaiverStage implements ReportStage {
  public static final String EXPIRED_RULE = "policy/expired-waiver";

  @Override
  public String id() {
    return "policy-waivers";
  }

  @Override
  public int order() {
    return 400;
  }

  @Override
  public ScanReport apply(ScanReport report, ScanContext context) throws Exception {
    List<PolicyFile> files = Policies.forScan(context);
    return apply(report, files, LocalDate.now(context.clock()));
  }

  public ScanReport apply(ScanReport report, List<PolicyFile> files, LocalDate today) {
    List<Waiver> live = new ArrayList<>();
    List<Finding> expired = new ArrayList<>();
    Map<String, Rule> policyRules = new HashMap<>();
    for (PolicyFile f : files) {
      for (Rule r : f.rules()) {
        if (r.input() == InputKind.FINDING) {
          policyRules.putIfAbsent(r.id(), r);
        }
      }
      for (Waiver w : f.waivers()) {
        if (w.expired(today)) {
          expired.add(expiredFinding(w));
        } else {
          live.add(w);
        }
      }
    }
    if (live.isEmpty() && expired.isEmpty()) {
      return report;
    }
    PolicyEvaluator params = new PolicyEvaluator(files, java.util.Optional.empty());
    List<Finding> out = new ArrayList<>(report.findings().size() + expired.size());
    List<Object> inventory = live.isEmpty() ? List.of() : FindingValues.inventory(report.inventory());
    Map<String, Object> byRef = new HashMap<>();
    for (int i = 0; i < inventory.size(); i++) {
      byRef.put(report.inventory().components().get(i).ref(), inventory.get(i));
    }
    for (Finding f : report.findings()) {
      out.add(f.isSuppressed() ? f : waive(f, live, policyRules, byRef, params.params(), inventory));
    }
    out.addAll(expired);
    out.sort(null);
    return new ScanReport(report.tool(), report.target(), report.startedAt(), report.durationMs(), report.inventory(),
        out, report.outcomes(), report.verdict());
  }

  private static Finding waive(Finding f, List<Waiver> live, Map<String, Rule> policyRules, Map<String, Object> byRef,
      Map<String, Object> params, List<Object> inventory) {
    Map<String, Object> vars = null;
    for (Waiver w : live) {
      Rule policyRule = policyRules.get(w.rule());
      boolean ruleMatches = w.ruleMatches(f.rule());
      if (!ruleMatches && policyRule == null) {
        continue;
      }
      if (vars == null) {
        vars = new HashMap<>();
        vars.put("finding", FindingValues.finding(f));
        vars.put("component", f.component() == null ? FindingValues.NO_COMPONENT
            : byRef.getOrDefault(f.component(), FindingValues.NO_COMPONENT));
        vars.put("inventory", inventory);
        vars.put("params", params);
      }
      if (!ruleMatches && !evaluates(policyRule.program(), vars)) {
        continue;
      }
      boolean selected;
      if (w.selectorProgram() == null && w.findingIds().isEmpty()) {
        selected = true;
      } else {
        selected = w.findingIds().contains(f.id()) || (w.selectorProgram() != null && evaluates(w.selectorProgram(), vars));
      }
      if (selected) {
        String reason = w.reason() + " (owner " + w.owner() + ", until " + w.expires() + ")";
        return f.withSuppression(new Suppression("waiver", "accepted", reason, w.at().toString()));
      }
    }
    return f;
  }

  private static boolean evaluates(dev.cel.runtime.CelRuntime.Program program, Map<String, Object> vars) {
    try {
      return Rule.matched(program.eval(vars));
    } catch (Exception e) {
      return false;
    }
  }

  static Finding expiredFinding(Waiver w) {
    SourcePos at = w.at();
    Location loc = at.line() > 0 ? new Location(at.file(), at.line(), at.column() > 0 ? at.column() : null, null)
        : Location.of(at.file());
    return Finding.builder(Scanner.POLICY, EXPIRED_RULE, Severity.MEDIUM,
            "Waiver for " + w.rule() + " expired on " + w.expires())
        .description("The waiver no longer applies, so the findings it covered count again. Renew it with a new "
            + "expiry date and reason, or fix the findings.")
        .location(loc)
        .evidence("rule", w.rule())
        .evidence("owner", w.owner())
        .evidence("expires", w.expires())
        .evidence("reason", w.reason())
        .fingerprint(w.rule() + "|" + w.expires() + "|" + w.owner())
        .fix("Renew or remove the waiver in " + at.file())
        .build();
  }
}
