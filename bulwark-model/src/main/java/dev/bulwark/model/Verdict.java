package dev.bulwark.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The gate's decision. {@code reasons} are human sentences; {@code firedRules} name each policy rule that
 * matched at least one finding (or the {@code --fail-on} threshold), with its action.
 */
public record Verdict(Result result, List<String> reasons, List<FiredRule> firedRules) {

  public enum Result {
    PASS, WARN, FAIL;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A rule that matched: its id, the action it took ({@code fail|warn|info}), a message and the findings. */
  public record FiredRule(String rule, String action, String message, List<String> findings) {
    public FiredRule {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(action, "action");
      findings = List.copyOf(findings == null ? List.of() : findings);
    }
  }

  public Verdict {
    Objects.requireNonNull(result, "result");
    reasons = List.copyOf(reasons == null ? List.of() : reasons);
    firedRules = List.copyOf(firedRules == null ? List.of() : firedRules);
  }

  public static Verdict pass() {
    return new Verdict(Result.PASS, List.of(), List.of());
  }
}
