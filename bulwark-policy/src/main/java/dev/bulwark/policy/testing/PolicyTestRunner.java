package dev.bulwark.policy.testing;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Location;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Suppression;
import dev.bulwark.model.Target;
import dev.bulwark.model.Verdict;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.PolicyEvaluator;
import dev.bulwark.policy.PolicyException;
import dev.bulwark.policy.PolicyFile;
import dev.bulwark.policy.PolicyProblem;
import dev.bulwark.policy.SourcePos;
import dev.bulwark.policy.WaiverStage;
import dev.bulwark.policy.license.LicensePolicyAnalyzer;
import dev.bulwark.policy.yaml.PositionedYaml;
import dev.bulwark.policy.yaml.YamlDocuments;
import dev.bulwark.policy.yaml.YamlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs policy test files ({@code *_test.yaml}): each case gives findings and inventory, runs the waivers,
 * the licence policy and the rules of the policies under test, and compares the verdict, the set of fired
 * rules and (optionally) the findings each rule fired on. Policies are named in {@code policies:} (paths
 * relative to the test file, or built-in pack names); by default every policy file beside the test file.
 */
public final class PolicyTestRunner {

  /** The outcome of one case; {@code failure} is empty when it passed. */
  public record CaseResult(String file, String name, Optional<String> failure) {
    public boolean passed() {
      return failure.isEmpty();
    }
  }

  private PolicyTestRunner() {}

  /** Test files under a directory (or the file itself), sorted. */
  public static List<Path> testFiles(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path, 8)) {
      return walk.filter(Files::isRegularFile).filter(Policies::isTestFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    }
  }

  public static List<CaseResult> runFile(Path testFile) throws IOException, PolicyException {
    String text = Files.readString(testFile, StandardCharsets.UTF_8);
    Path dir = testFile.toAbsolutePath().getParent();
    return run(testFile.toString(), text, spec -> {
      List<PolicyFile> out = new ArrayList<>();
      if (spec.isEmpty()) {
        for (Path p : Policies.policyFiles(dir)) {
          out.add(Policies.file(p));
        }
      }
      for (String s : spec) {
        Path p = dir.resolve(s);
        if (Policies.BUILT_IN.contains(s) && !Files.exists(p)) {
          out.add(Policies.builtIn(s));
        } else {
          for (Path f : Policies.policyFiles(p)) {
            out.add(Policies.file(f));
          }
        }
      }
      return out;
    });
  }

  /** Runs the test cases shipped with a built-in pack. */
  public static List<CaseResult> runBuiltIn(String pack) throws IOException, PolicyException {
    String name = "/dev/bulwark/policy/packs/" + pack + "_test.yaml";
    return run("builtin:" + pack + "_test.yaml", Policies.resource(name), spec -> {
      List<PolicyFile> out = new ArrayList<>();
      for (String s : spec.isEmpty() ? List.of(pack) : spec) {
        out.add(Policies.builtIn(s));
      }
      return out;
    });
  }

  @FunctionalInterface
  interface PolicyResolver {
    List<PolicyFile> resolve(List<String> spec) throws IOException, PolicyException;
  }

  @SuppressWarnings("unchecked")
  static List<CaseResult> run(String file, String text, PolicyResolver resolver) throws IOException, PolicyException {
    YamlDocuments docs;
    try {
      docs = new PositionedYaml().read(text);
    } catch (YamlException e) {
      throw problem(file, e.pos() == null ? 0 : e.pos().line(), e.problem());
    }
    if (docs.documents().isEmpty() || !(docs.documents().get(0) instanceof Map<?, ?> top)) {
      throw problem(file, 1, "a policy test file must be a mapping with 'cases'");
    }
    List<String> spec = strings(top.get("policies"));
    List<PolicyFile> policies = resolver.resolve(spec);
    List<CaseResult> results = new ArrayList<>();
    if (!(top.get("cases") instanceof List<?> cases)) {
      throw problem(file, 1, "missing 'cases' list");
    }
    int n = 0;
    for (Object c : cases) {
      n++;
      if (!(c instanceof Map<?, ?> cm)) {
        throw problem(file, docs.positions().ofItem(cases, n - 1).line(), "each case must be a mapping");
      }
      Map<String, Object> tc = (Map<String, Object>) cm;
      String name = String.valueOf(tc.getOrDefault("name", "case " + n));
      int line = docs.positions().of(tc) == null ? 0 : docs.positions().of(tc).line();
      try {
        results.add(new CaseResult(file + ":" + line, name, runCase(tc, policies)));
      } catch (IllegalArgumentException e) {
        results.add(new CaseResult(file + ":" + line, name, Optional.of("bad test case: " + e.getMessage())));
      }
    }
    return results;
  }

  @SuppressWarnings("unchecked")
  private static Optional<String> runCase(Map<String, Object> tc, List<PolicyFile> policies) {
    List<Finding> findings = new ArrayList<>();
    for (Object o : list(tc.get("findings"))) {
      findings.add(finding((Map<String, Object>) o));
    }
    List<Component> components = new ArrayList<>();
    for (Object o : list(tc.get("inventory"))) {
      components.add(component((Map<String, Object>) o));
    }
    Inventory inventory = Inventory.of(components);
    LocalDate today = tc.get("today") == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(String.valueOf(tc.get("today")));
    for (PolicyFile p : policies) {
      if (p.licenses().isPresent()) {
        findings.addAll(LicensePolicyAnalyzer.check(inventory, p.licenses().get(), p.path()));
        break;
      }
    }
    ScanReport report = new ScanReport(new ScanReport.ToolInfo("bulwark", "test"), new Target("test", Target.Type.DIRECTORY, Map.of()),
        Instant.EPOCH, 0, inventory, findings, List.of(), Verdict.pass());
    report = new WaiverStage().apply(report, policies, today);
    String failOnText = tc.get("failOn") == null ? null : String.valueOf(tc.get("failOn"));
    boolean none = "none".equalsIgnoreCase(failOnText);
    Optional<Severity> failOn = failOnText == null || none ? Optional.empty() : Optional.of(Severity.parse(failOnText));
    Verdict verdict = new PolicyEvaluator(policies, failOn, none).evaluate(report.findings(), report.inventory());
    Map<String, Object> expect = tc.get("expect") instanceof Map<?, ?> e ? (Map<String, Object>) e : Map.of();
    List<String> problems = new ArrayList<>();
    if (expect.get("verdict") != null && !verdict.result().id().equals(String.valueOf(expect.get("verdict")).toLowerCase(Locale.ROOT))) {
      problems.add("verdict " + verdict.result().id() + ", expected " + expect.get("verdict"));
    }
    TreeMap<String, List<String>> fired = new TreeMap<>();
    for (Verdict.FiredRule r : verdict.firedRules()) {
      if (r.action().equals("error")) {
        problems.add(r.message());
      } else {
        fired.put(r.rule(), r.findings());
      }
    }
    if (expect.containsKey("fired")) {
      TreeSet<String> want = new TreeSet<>(strings(expect.get("fired")));
      if (!want.equals(fired.navigableKeySet())) {
        problems.add("fired " + fired.keySet() + ", expected " + want);
      }
    }
    if (expect.get("findings") instanceof Map<?, ?> perRule) {
      for (Map.Entry<?, ?> e : perRule.entrySet()) {
        TreeSet<String> want = new TreeSet<>(strings(e.getValue()));
        TreeSet<String> got = new TreeSet<>(fired.getOrDefault(String.valueOf(e.getKey()), List.of()));
        if (!want.equals(got)) {
          problems.add("rule " + e.getKey() + " fired on " + got + ", expected " + want);
        }
      }
    }
    if (expect.get("suppressed") != null) {
      TreeSet<String> want = new TreeSet<>(strings(expect.get("suppressed")));
      TreeSet<String> got = new TreeSet<>();
      report.findings().stream().filter(Finding::isSuppressed).forEach(f -> got.add(f.id()));
      if (!want.equals(got)) {
        problems.add("suppressed " + got + ", expected " + want);
      }
    }
    if (expect.get("rules") != null) {
      TreeSet<String> want = new TreeSet<>(strings(expect.get("rules")));
      TreeSet<String> got = new TreeSet<>();
      report.findings().forEach(f -> got.add(f.rule()));
      if (!want.equals(got)) {
        problems.add("finding rules " + got + ", expected " + want);
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  @SuppressWarnings("unchecked")
  private static Finding finding(Map<String, Object> m) {
    String id = required(m, "id");
    Finding.Builder b = Finding.builder(Scanner.parse(str(m, "scanner", "policy")), str(m, "rule", "test/rule"),
        Severity.parse(str(m, "severity", "medium")), str(m, "title", id)).id(id);
    if (m.get("component") != null) {
      b.component(String.valueOf(m.get("component")));
    }
    if (m.get("path") != null) {
      Integer line = m.get("line") instanceof Number n ? n.intValue() : null;
      b.location(new Location(String.valueOf(m.get("path")), line, null, null));
    }
    if (m.get("evidence") instanceof Map<?, ?> ev) {
      ev.forEach((k, v) -> b.evidence(String.valueOf(k), v));
    }
    strings(m.get("aliases")).forEach(b::alias);
    Object sup = m.get("suppressed");
    if (sup != null && !Boolean.FALSE.equals(sup)) {
      b.suppression(new Suppression(Boolean.TRUE.equals(sup) ? "inline" : String.valueOf(sup), "accepted", "test", null));
    }
    return b.build();
  }

  private static Component component(Map<String, Object> m) {
    String name = required(m, "name");
    ComponentType type = ComponentType.LIBRARY;
    String t = str(m, "type", "library");
    for (ComponentType ct : ComponentType.values()) {
      if (ct.id().equals(t)) {
        type = ct;
      }
    }
    Component.Builder b = Component.builder(type, name).version(str(m, "version", null)).purl(str(m, "purl", null))
        .ecosystem(str(m, "ecosystem", null)).firstParty(Boolean.TRUE.equals(m.get("firstParty")))
        .scope(DependencyScope.valueOf(str(m, "scope", "unknown").toUpperCase(Locale.ROOT)))
        .kind(DependencyKind.valueOf(str(m, "kind", "unknown").toUpperCase(Locale.ROOT)))
        .licenses(strings(m.get("licenses")));
    if (m.get("ref") != null) {
      b.ref(String.valueOf(m.get("ref")));
    }
    if (m.get("properties") instanceof Map<?, ?> props) {
      props.forEach((k, v) -> b.property(String.valueOf(k), String.valueOf(v)));
    }
    return b.build();
  }

  private static String required(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing '" + key + "' in " + m);
    }
    return String.valueOf(v);
  }

  private static String str(Map<String, Object> m, String key, String fallback) {
    Object v = m.get(key);
    return v == null || v instanceof dev.cel.common.values.NullValue ? fallback : String.valueOf(v);
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static List<String> strings(Object o) {
    if (o instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return o == null || o instanceof dev.cel.common.values.NullValue ? List.of() : List.of(String.valueOf(o));
  }

  private static PolicyException problem(String file, int line, String message) {
    return new PolicyException(List.of(new PolicyProblem(new SourcePos(file, line, 0), true, message)));
  }
}
