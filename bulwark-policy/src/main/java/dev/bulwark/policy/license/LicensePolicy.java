package dev.bulwark.policy.license;

import dev.bulwark.model.Severity;
import dev.bulwark.policy.SourcePos;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Allow and deny lists of SPDX ids or {@code ID WITH EXCEPTION} terms. With an empty allow list every
 * licence not denied is allowed. A term {@code X WITH E} is allowed when {@code X WITH E} or {@code X} is
 * allowed, and denied when {@code X WITH E} is denied, or {@code X} is denied and {@code X WITH E} not
 * explicitly allowed. {@code ignore} lists component refs (a trailing {@code *} globs) the policy skips.
 */
public record LicensePolicy(Set<String> allow, Set<String> deny, Severity deniedSeverity, Severity notAllowedSeverity,
    Severity unknownSeverity, List<String> ignore, SourcePos at) {

  private static final String UNPARSEABLE = "\u0000unknown";

  public LicensePolicy {
    allow = normalize(allow);
    deny = normalize(deny);
    ignore = List.copyOf(ignore);
  }

  private static Set<String> normalize(Set<String> ids) {
    return ids.stream().map(s -> {
      String[] parts = s.strip().split("\\s+(?i:with)\\s+", 2);
      String base = SpdxExpression.normalizeId(parts[0]).toLowerCase(Locale.ROOT);
      return parts.length == 2 ? base + " with " + parts[1].toLowerCase(Locale.ROOT) : base;
    }).collect(Collectors.toUnmodifiableSet());
  }

  public boolean ignores(String ref) {
    for (String g : ignore) {
      if (g.equals(ref) || (g.endsWith("*") && ref.startsWith(g.substring(0, g.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** Judges a component's licence entries, all of which apply (AND). */
  public LicenseOutcome judge(List<String> licenses) {
    if (licenses.isEmpty()) {
      return LicenseOutcome.UNKNOWN;
    }
    SpdxExpression all = null;
    for (String l : licenses) {
      Optional<SpdxExpression> e = SpdxExpression.parse(l);
      SpdxExpression one = e.orElse(new SpdxExpression(List.of(List.of(UNPARSEABLE))));
      all = all == null ? one : all.and(one);
    }
    return judge(all);
  }

  public LicenseOutcome judge(SpdxExpression expression) {
    boolean anyUnknown = false;
    boolean allDenied = true;
    for (List<String> branch : expression.branches()) {
      BranchState s = branch(branch);
      if (s == BranchState.ALLOWED) {
        return LicenseOutcome.ALLOWED;
      }
      allDenied &= s == BranchState.DENIED;
      anyUnknown |= s == BranchState.UNKNOWN;
    }
    if (allDenied) {
      return LicenseOutcome.DENIED;
    }
    return anyUnknown ? LicenseOutcome.UNKNOWN : LicenseOutcome.NOT_ALLOWED;
  }

  private enum BranchState { ALLOWED, DENIED, NOT_ALLOWED, UNKNOWN }

  private BranchState branch(List<String> terms) {
    boolean unknown = false;
    boolean notAllowed = false;
    for (String term : terms) {
      if (term.equals(UNPARSEABLE)) {
        unknown = true;
        continue;
      }
      String full = term.toLowerCase(Locale.ROOT);
      int w = full.indexOf(" with ");
      String base = w < 0 ? full : full.substring(0, w);
      if (deny.contains(full) || (deny.contains(base) && !allow.contains(full))) {
        return BranchState.DENIED;
      }
      if (!allow.isEmpty() && !allow.contains(full) && !allow.contains(base)) {
        notAllowed = true;
      }
    }
    return unknown ? BranchState.UNKNOWN : notAllowed ? BranchState.NOT_ALLOWED : BranchState.ALLOWED;
  }
}
