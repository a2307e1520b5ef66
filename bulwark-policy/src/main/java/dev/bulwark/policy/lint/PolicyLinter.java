package dev.bulwark.policy.lint;

import dev.bulwark.policy.PolicyFile;
import dev.bulwark.policy.PolicyProblem;
import dev.bulwark.policy.Rule;
import dev.bulwark.policy.Waiver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a compiled policy file beyond what loading enforces: the loader's warnings, expired and
 * soon-expiring waivers, waivers without a selector, rules whose expression is a constant.
 */
public final class PolicyLinter {
  private static final int EXPIRY_NOTICE_DAYS = 30;

  private PolicyLinter() {}

  public static List<PolicyProblem> lint(PolicyFile file, LocalDate today) {
    List<PolicyProblem> out = new ArrayList<>(file.warnings());
    for (Rule r : file.rules()) {
      String m = r.match().strip();
      if (m.equals("true") || m.equals("false")) {
        out.add(new PolicyProblem(r.at(), false, "rule '" + r.id() + "' matches " + (m.equals("true") ? "everything" : "nothing")));
      }
    }
    for (Waiver w : file.waivers()) {
      if (w.expired(today)) {
        out.add(new PolicyProblem(w.at(), true, "waiver for '" + w.rule() + "' (owner " + w.owner() + ") expired on " + w.expires()));
      } else if (!w.expires().isAfter(today.plusDays(EXPIRY_NOTICE_DAYS))) {
        out.add(new PolicyProblem(w.at(), false, "waiver for '" + w.rule() + "' expires on " + w.expires()));
      }
      if (w.selector() == null && w.findingIds().isEmpty()) {
        out.add(new PolicyProblem(w.at(), false, "waiver for '" + w.rule() + "' has no 'match' or 'findings' and covers every finding of the rule"));
      }
      if (w.rule().equals("*") && w.selector() == null && w.findingIds().isEmpty()) {
        out.add(new PolicyProblem(w.at(), true, "waiver '*' without 'match' or 'findings' would waive everything"));
      }
    }
    out.sort(java.util.Comparator.comparing((PolicyProblem p) -> p.at().line()).thenComparing(p -> p.at().column()));
    return out;
  }
}
