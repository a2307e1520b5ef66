package dev.bulwark.policy;

import dev.bulwark.model.Component;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns findings and inventory into a verdict with the compiled rules of some policy files. Suppressed
 * findings are never matched. A rule that fails to evaluate fails the verdict (fail closed) and says why.
 * Stateless and thread-safe.
 */
public final class PolicyEvaluator {
  /** The rule added for {@code --fail-on} when no loaded rule reads {@code params.failOnRank} itself. */
  public static final String FAIL_ON_RULE = "fail-on";
  private static final String FAIL_ON_EXPR = "finding.severityRank >= params.failOnRank";

  private final List<Rule> rules;
  private final Map<String, Object> params;

  public PolicyEvaluator(List<PolicyFile> files, Optional<Severity> failOn) {
    this(files, failOn, false);
  }

  /**
   * @param failOn the {@code --fail-on} threshold, when given
   * @param failOnNone {@code --fail-on none}: no severity threshold at all ({@code params.failOnRank} is 5,
   *     above critical, so threshold rules never match); only the policies' other rules decide
   */
  public PolicyEvaluator(List<PolicyFile> files, Optional<Severity> failOn, boolean failOnNone) {
    Map<String, Object> p = new LinkedHashMap<>();
    List<Rule> all = new ArrayList<>();
    boolean readsFailOn = false;
    for (PolicyFile f : files) {
      p.putAll(f.params());
      for (Rule r : f.rules()) {
        if (r.input() == InputKind.FINDING || r.input() == InputKind.COMPONENT) {
          all.add(r);
          readsFailOn |= r.match().contains("params.failOn");
        }
      }
    }
    failOn.ifPresent(s -> p.put("failOn", s.id()));
    if (failOnNone || "none".equalsIgnoreCase(String.valueOf(p.get("failOn")))) {
      p.put("failOn", "none");
      p.put("failOnRank", 5L);
    } else {
      Severity threshold = p.get("failOn") == null ? Severity.HIGH : Severity.parse(String.valueOf(p.get("failOn")));
      p.put("failOn", threshold.id());
      p.put("failOnRank", 4L - threshold.ordinal());
    }
    if (failOn.isPresent() && !failOnNone && !readsFailOn) {
      all.add(failOnRule(failOn.get()));
    }
    this.rules = List.copyOf(all);
    this.params = java.util.Collections.unmodifiableMap(p);
  }

  public List<Rule> rules() {
    return rules;
  }

  public Map<String, Object> params() {
    return params;
  }

  private static Rule failOnRule(Severity s) {
    try {
      return new Rule(FAIL_ON_RULE, "--fail-on " + s.id(), "Fails on any active finding at or above " + s.id(),
          s, Action.FAIL, InputKind.FINDING, FAIL_ON_EXPR, new SourcePos("--fail-on", 0, 0),
          CelEnvironment.compile(InputKind.FINDING, FAIL_ON_EXPR, List.of()),
          MessageTemplate.compile("{{finding.severity}} finding {{finding.rule}} at or above --fail-on " + s.id(),
              InputKind.FINDING), "");
    } catch (CelValidationException | MessageTemplate.TemplateException e) {
      throw new IllegalStateException("built-in --fail-on rule does not compile", e);
    }
  }

  public Verdict evaluate(List<Finding> findings, Inventory inventory) {
    List<Object> inv = FindingValues.inventory(inventory);
    Map<String, Map<String, Object>> byRef = new HashMap<>();
    for (int i = 0; i < inventory.components().size(); i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> cm = (Map<String, Object>) inv.get(i);
      byRef.put(inventory.components().get(i).ref(), cm);
    }
    Tally[] tallies = new Tally[rules.size()];
    for (int i = 0; i < tallies.length; i++) {
      tallies[i] = new Tally();
    }
    Vars vars = new Vars(inv, params);
    for (Finding f : findings) {
      if (f.isSuppressed()) {
        continue;
      }
      vars.finding = FindingValues.finding(f);
      vars.component = f.component() == null ? FindingValues.NO_COMPONENT
          : byRef.getOrDefault(f.component(), FindingValues.NO_COMPONENT);
      for (int i = 0; i < tallies.length; i++) {
        Rule r = rules.get(i);
        if (r.input() == InputKind.FINDING) {
          apply(r, vars, f.id(), tallies[i]);
        }
      }
    }
    vars.finding = null;
    for (Component c : inventory.components()) {
      vars.component = byRef.get(c.ref());
      for (int i = 0; i < tallies.length; i++) {
        Rule r = rules.get(i);
        if (r.input() == InputKind.COMPONENT) {
          apply(r, vars, c.ref(), tallies[i]);
        }
      }
    }
    Map<Rule, Tally> byRule = new LinkedHashMap<>();
    for (int i = 0; i < tallies.length; i++) {
      byRule.put(rules.get(i), tallies[i]);
    }
    return verdict(byRule);
  }

  /** The variables of one evaluation, looked up lazily by CEL (no copy of a map per evaluation). */
  private static final class Vars implements CelVariableResolver {
    final List<Object> inventory;
    final Map<String, Object> params;
    Map<String, Object> finding;
    Map<String, Object> component;

    Vars(List<Object> inventory, Map<String, Object> params) {
      this.inventory = inventory;
      this.params = params;
    }

    @Override
    public Optional<Object> find(String name) {
      return Optional.ofNullable(switch (name) {
        case "finding" -> finding;
        case "component" -> component;
        case "inventory" -> inventory;
        case "params" -> params;
        default -> null;
      });
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new HashMap<>();
      m.put("inventory", inventory);
      m.put("params", params);
      if (finding != null) {
        m.put("finding", finding);
      }
      m.put("component", component);
      return m;
    }
  }

  private static void apply(Rule r, Vars vars, String id, Tally t) {
    try {
      if (Rule.matched(r.program().eval(vars))) {
        if (t.ids.isEmpty()) {
          t.message = r.message().render(vars.asMap());
        }
        t.ids.add(id);
      }
    } catch (CelEvaluationException | RuntimeException e) {
      if (t.errors++ == 0) {
        t.error = id + ": " + e.getMessage();
      }
    }
  }

  private static final class Tally {
    final List<String> ids = new ArrayList<>();
    String message;
    int errors;
    String error;
  }

  private static Verdict verdict(Map<Rule, Tally> tallies) {
    List<Verdict.FiredRule> fired = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    boolean fail = false;
    boolean warn = false;
    for (Map.Entry<Rule, Tally> e : tallies.entrySet()) {
      Rule r = e.getKey();
      Tally t = e.getValue();
      if (t.errors > 0) {
        fail = true;
        String msg = "rule " + r.id() + " (" + r.at() + ") could not be evaluated on " + t.errors + " input(s); first: " + t.error;
        fired.add(new Verdict.FiredRule(r.id(), "error", msg, List.of()));
        reasons.add(msg);
      }
      if (t.ids.isEmpty()) {
        continue;
      }
      String message = t.ids.size() == 1 ? t.message : t.message + " (and " + (t.ids.size() - 1) + " more)";
      fired.add(new Verdict.FiredRule(r.id(), r.action().id(), message, t.ids));
      if (r.action() == Action.FAIL) {
        fail = true;
      } else if (r.action() == Action.WARN) {
        warn = true;
      }
      if (r.action() != Action.INFO) {
        reasons.add(r.action().id() + ": " + r.id() + " matched " + t.ids.size() + ": " + message);
      }
    }
    Verdict.Result result = fail ? Verdict.Result.FAIL : warn ? Verdict.Result.WARN : Verdict.Result.PASS;
    return new Verdict(result, reasons, fired);
  }
}
