package dev.bulwark.policy;

import dev.bulwark.model.Severity;
import dev.bulwark.policy.license.LicensePolicy;
import dev.bulwark.policy.yaml.Pos;
import dev.bulwark.policy.yaml.PositionedYaml;
import dev.bulwark.policy.yaml.Positions;
import dev.bulwark.policy.yaml.YamlDocuments;
import dev.bulwark.policy.yaml.YamlException;
import dev.bulwark.policy.yaml.YamlLimits;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelRuntime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a policy file (YAML) and compiles its rules, waivers and licence policy. Every problem names the
 * file, line and column; a CEL compile error points into the expression itself.
 */
public final class PolicyLoader {
  private static final Set<String> TOP_KEYS = Set.of("apiVersion", "kind", "name", "description", "params", "rules",
      "waivers", "licenses");
  private static final Set<String> RULE_KEYS = Set.of("id", "title", "description", "severity", "action", "input",
      "match", "message", "docs", "remediation", "tags");
  private static final Set<String> WAIVER_KEYS = Set.of("rule", "match", "findings", "reason", "owner", "expires");
  private static final Set<String> LICENSE_KEYS = Set.of("allow", "deny", "severity", "ignore");

  private final Map<String, InputKind> inputs;
  private final PositionedYaml yaml = new PositionedYaml(new YamlLimits(4L << 20, 64, 200_000, 100, 1));

  /** A loader that knows the {@code finding} and {@code component} inputs plus {@code extra} ones. */
  public PolicyLoader(List<InputKind> extra) {
    Map<String, InputKind> m = new LinkedHashMap<>();
    m.put(InputKind.FINDING.name(), InputKind.FINDING);
    m.put(InputKind.COMPONENT.name(), InputKind.COMPONENT);
    extra.forEach(k -> m.put(k.name(), k));
    this.inputs = Map.copyOf(m);
  }

  public PolicyLoader() {
    this(List.of());
  }

  public PolicyFile load(String path, String text) throws PolicyException {
    Ctx ctx = new Ctx(path);
    YamlDocuments docs;
    try {
      docs = yaml.read(text);
    } catch (YamlException e) {
      throw new PolicyException(List.of(new PolicyProblem(ctx.at(e.pos()), true, e.problem())));
    }
    ctx.positions = docs.positions();
    ctx.text = text;
    Object root = docs.documents().isEmpty() ? null : docs.documents().get(0);
    if (!(root instanceof Map<?, ?>)) {
      throw new PolicyException(List.of(new PolicyProblem(new SourcePos(path, 1, 1), true,
          "a policy file must be a YAML mapping with 'rules', 'waivers' or 'licenses'")));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> top = (Map<String, Object>) root;
    ctx.unknownKeys(top, TOP_KEYS, "policy file");
    String name = ctx.string(top, "name", false);
    String description = ctx.string(top, "description", false);
    Map<String, Object> params = top.get("params") instanceof Map<?, ?> p ? castMap(p) : Map.of();
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Map<String, Object> r : ctx.listOfMaps(top, "rules")) {
      Rule rule = rule(ctx, r);
      if (rule != null) {
        if (!ids.add(rule.id())) {
          ctx.error(ctx.positions.ofValue(r, "id"), "duplicate rule id '" + rule.id() + "'");
        }
        rules.add(rule);
      }
    }
    List<Waiver> waivers = new ArrayList<>();
    for (Map<String, Object> w : ctx.listOfMaps(top, "waivers")) {
      Waiver waiver = waiver(ctx, w);
      if (waiver != null) {
        waivers.add(waiver);
      }
    }
    Optional<LicensePolicy> licenses = Optional.empty();
    if (top.get("licenses") instanceof Map<?, ?> lic) {
      licenses = Optional.ofNullable(licenses(ctx, castMap(lic)));
    } else if (top.containsKey("licenses")) {
      ctx.error(ctx.positions.ofValue(top, "licenses"), "'licenses' must be a mapping with allow/deny lists");
    }
    if (rules.isEmpty() && waivers.isEmpty() && licenses.isEmpty() && ctx.errors.isEmpty()) {
      ctx.warn(Pos.START, "the policy file has no rules, waivers or licences");
    }
    if (!ctx.errors.isEmpty()) {
      throw new PolicyException(ctx.errors);
    }
    return new PolicyFile(path, name == null ? stem(path) : name, description == null ? "" : description, params,
        rules, waivers, licenses, ctx.warnings);
  }

  private Rule rule(Ctx ctx, Map<String, Object> r) {
    ctx.unknownKeys(r, RULE_KEYS, "rule");
    String id = ctx.string(r, "id", true);
    String match = ctx.string(r, "match", true);
    if (id == null || match == null) {
      return null;
    }
    String description = ctx.string(r, "description", false);
    if (description == null || description.isBlank()) {
      ctx.warn(ctx.positions.of(r), "rule '" + id + "' has no description");
    }
    Severity severity = Severity.MEDIUM;
    String sev = ctx.string(r, "severity", false);
    if (sev != null) {
      try {
        severity = Severity.parse(sev);
      } catch (IllegalArgumentException e) {
        ctx.error(ctx.positions.ofValue(r, "severity"), e.getMessage());
      }
    }
    Action action = Action.FAIL;
    String act = ctx.string(r, "action", false);
    if (act == null) {
      ctx.warn(ctx.positions.of(r), "rule '" + id + "' has no action; 'fail' assumed");
    } else {
      try {
        action = Action.parse(act);
      } catch (IllegalArgumentException e) {
        ctx.error(ctx.positions.ofValue(r, "action"), e.getMessage());
      }
    }
    String inputName = Optional.ofNullable(ctx.string(r, "input", false)).orElse("finding");
    InputKind input = inputs.get(inputName);
    if (input == null) {
      ctx.error(ctx.positions.ofValue(r, "input"), "unknown input '" + inputName + "' (known: "
          + String.join(", ", new java.util.TreeSet<>(inputs.keySet())) + ")");
      return null;
    }
    CelRuntime.Program program = ctx.compile(input, r, "match", match);
    String messageText = ctx.string(r, "message", false);
    MessageTemplate message = MessageTemplate.literal(messageText == null ? Optional.ofNullable(ctx.string(r, "title", false)).orElse(id) : messageText);
    if (messageText != null) {
      try {
        message = MessageTemplate.compile(messageText, input);
      } catch (MessageTemplate.TemplateException e) {
        ctx.error(ctx.positions.ofValue(r, "message"), e.getMessage());
      }
    }
    if (program == null) {
      return null;
    }
    Pos p = ctx.positions.of(r);
    return new Rule(id, ctx.string(r, "title", false), description, severity, action, input, match, ctx.at(p), program,
        message, ctx.string(r, "docs", false));
  }

  private Waiver waiver(Ctx ctx, Map<String, Object> w) {
    ctx.unknownKeys(w, WAIVER_KEYS, "waiver");
    String rule = ctx.string(w, "rule", true);
    String reason = ctx.string(w, "reason", true);
    String owner = ctx.string(w, "owner", true);
    String expiresText = ctx.string(w, "expires", true);
    LocalDate expires = null;
    if (expiresText != null) {
      try {
        expires = LocalDate.parse(expiresText.strip());
      } catch (DateTimeParseException e) {
        ctx.error(ctx.positions.ofValue(w, "expires"), "expiry date '" + expiresText + "' is not YYYY-MM-DD");
      }
    }
    String selector = ctx.string(w, "match", false);
    CelRuntime.Program program = selector == null ? null : ctx.compile(InputKind.FINDING, w, "match", selector);
    List<String> ids = ctx.strings(w, "findings");
    if (rule == null || reason == null || owner == null || expires == null || (selector != null && program == null)) {
      return null;
    }
    return new Waiver(rule, selector, program, ids, reason, owner, expires, ctx.at(ctx.positions.of(w)));
  }

  private LicensePolicy licenses(Ctx ctx, Map<String, Object> l) {
    ctx.unknownKeys(l, LICENSE_KEYS, "licenses");
    Severity denied = Severity.HIGH;
    Severity notAllowed = Severity.MEDIUM;
    Severity unknown = Severity.LOW;
    if (l.get("severity") instanceof Map<?, ?> s) {
      Map<String, Object> sev = castMap(s);
      denied = ctx.severity(sev, "denied", denied);
      notAllowed = ctx.severity(sev, "notAllowed", notAllowed);
      unknown = ctx.severity(sev, "unknown", unknown);
    }
    return new LicensePolicy(new LinkedHashSet<>(ctx.strings(l, "allow")), new LinkedHashSet<>(ctx.strings(l, "deny")),
        denied, notAllowed, unknown, ctx.strings(l, "ignore"), ctx.at(ctx.positions.of(l)));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static String stem(String path) {
    String n = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** Per-file state: positions, text and the problems found so far. */
  private static final class Ctx {
    final String path;
    Positions positions = new Positions();
    String text = "";
    final List<PolicyProblem> errors = new ArrayList<>();
    final List<PolicyProblem> warnings = new ArrayList<>();

    Ctx(String path) {
      this.path = path;
    }

    SourcePos at(Pos p) {
      return p == null ? new SourcePos(path, 0, 0) : new SourcePos(path, p.line(), p.column());
    }

    void error(Pos p, String message) {
      errors.add(new PolicyProblem(at(p), true, message));
    }

    void warn(Pos p, String message) {
      warnings.add(new PolicyProblem(at(p), false, message));
    }

    void unknownKeys(Map<String, Object> m, Set<String> known, String what) {
      for (String k : m.keySet()) {
        if (!known.contains(k)) {
          warn(positions.ofKey(m, k), "unknown key '" + k + "' in " + what);
        }
      }
    }

    String string(Map<String, Object> m, String key, boolean required) {
      Object v = m.get(key);
      if (v == null || v instanceof dev.cel.common.values.NullValue) {
        if (required) {
          error(positions.of(m), "missing '" + key + "'");
        }
        return null;
      }
      if (v instanceof Map<?, ?> || v instanceof List<?>) {
        error(positions.ofValue(m, key), "'" + key + "' must be a string");
        return null;
      }
      return String.valueOf(v);
    }

    List<String> strings(Map<String, Object> m, String key) {
      Object v = m.get(key);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof List<?> list)) {
        error(positions.ofValue(m, key), "'" + key + "' must be a list of strings");
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Object o : list) {
        out.add(String.valueOf(o));
      }
      return out;
    }

    List<Map<String, Object>> listOfMaps(Map<String, Object> m, String key) {
      Object v = m.get(key);
      if (v == null || v instanceof dev.cel.common.values.NullValue) {
        return List.of();
      }
      if (!(v instanceof List<?> list)) {
        error(positions.ofValue(m, key), "'" + key + "' must be a list");
        return List.of();
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) instanceof Map<?, ?> item) {
          out.add(castMap(item));
        } else {
          error(positions.ofItem(list, i), "each entry of '" + key + "' must be a mapping");
        }
      }
      return out;
    }

    Severity severity(Map<String, Object> m, String key, Severity fallback) {
      String s = string(m, key, false);
      if (s == null) {
        return fallback;
      }
      try {
        return Severity.parse(s);
      } catch (IllegalArgumentException e) {
        error(positions.ofValue(m, key), e.getMessage());
        return fallback;
      }
    }

    CelRuntime.Program compile(InputKind input, Map<String, Object> owner, String key, String expression) {
      try {
        return CelEnvironment.compile(input, expression, List.of());
      } catch (CelValidationException e) {
        Pos valuePos = positions.ofValue(owner, key);
        for (CelIssue issue : e.getErrors()) {
          errors.add(new PolicyProblem(at(ExpressionPositions.map(text, valuePos, issue.getSourceLocation().getLine(),
              issue.getSourceLocation().getColumn())), true, "CEL: " + issue.getMessage()));
        }
        if (e.getErrors().isEmpty()) {
          error(valuePos, "CEL: " + e.getMessage());
        }
        return null;
      }
    }
  }
}
