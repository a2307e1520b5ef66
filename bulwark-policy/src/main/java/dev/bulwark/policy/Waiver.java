package dev.bulwark.policy;

import dev.cel.runtime.CelRuntime;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An accepted risk: findings of {@code rule} (a finding's rule id or a policy rule id; {@code *} and a
 * trailing {@code *} glob allowed) that the {@code selector} matches or whose id is in {@code findingIds};
 * with neither, every finding of the rule. Stops applying after {@code expires}.
 */
public record Waiver(String rule, String selector, CelRuntime.Program selectorProgram, List<String> findingIds,
    String reason, String owner, LocalDate expires, SourcePos at) {

  public Waiver {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(expires, "expires");
    findingIds = List.copyOf(findingIds == null ? List.of() : findingIds);
  }

  /** Expired when today is after the expiry date (the waiver still holds on the day itself). */
  public boolean expired(LocalDate today) {
    return today.isAfter(expires);
  }

  public boolean ruleMatches(String id) {
    if (rule.equals("*") || rule.equals(id)) {
      return true;
    }
    return rule.endsWith("*") && id.startsWith(rule.substring(0, rule.length() - 1));
  }
}
