import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.PolicyEvaluator;
import dev.bulwark.policy.PolicyFile;
import dev.bulwark.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Policy benchmark. Part 1: rule x finding evaluations per second for the built-in packs and a 20-rule
 * user policy over 20,000 findings and 2,000 components (target: at least 1,000,000/s). Part 2: the
 * gate's share of a whole scan of the example project (report and wall time passed in by run.sh).
 * Rates are per CPU-second of the evaluating thread, best of three rounds.
 * Run with bench/policy/run.sh.
 */
public class PolicyBench {
  static final String USER_POLICY = """
      rules:
      %s
      """;

  public static void main(String[] args) throws Exception {
    if (args.length >= 2) {
      gateShare(Path.of(args[0]), Long.parseLong(args[1]));
    }
    List<Component> components = new ArrayList<>();
    Random rnd = new Random(42);
    String[] eco = {"pypi", "npm", "maven", "golang"};
    String[] lic = {"MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0-only", "MIT OR Apache-2.0"};
    for (int i = 0; i < 2_000; i++) {
      String e = eco[i % eco.length];
      components.add(Component.builder(ComponentType.LIBRARY, "lib" + i).version("1." + (i % 17)).ecosystem(e)
          .purl("pkg:" + e + "/lib" + i + "@1." + (i % 17)).license(lic[i % lic.length])
          .scope(i % 3 == 0 ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE)
          .property(i % 7 == 0 ? Component.UNPINNED : "x", "true").build());
    }
    Inventory inventory = Inventory.of(components);
    Scanner[] scanners = Scanner.values();
    Severity[] sev = Severity.values();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      Scanner s = scanners[rnd.nextInt(scanners.length)];
      Component c = components.get(rnd.nextInt(components.size()));
      findings.add(Finding.builder(s, s.id() + "/rule-" + (i % 50), sev[rnd.nextInt(sev.length)], "finding " + i)
          .component(s == Scanner.VULN || s == Scanner.LICENSE ? c.ref() : null)
          .location(Location.atLine("src/app/module" + (i % 300) + ".py", 1 + i % 400))
          .alias(s == Scanner.VULN ? "CVE-2024-" + (1000 + i % 900) : null).evidence("k", "v" + i).id("f" + i).build());
    }
    StringBuilder rules = new StringBuilder();
    String[] shapes = {
        "finding.severity == 'critical'",
        "finding.scanner == 'vuln' && finding.severityRank >= 3",
        "finding.rule.startsWith('secret/') && !finding.location.path.contains('test')",
        "finding.aliases.exists(a, a.startsWith('CVE-2024-1'))",
        "component.ecosystem == 'pypi' && component.scope == 'direct' && finding.severityRank >= 2",
        "finding.location.path.matches('^src/app/module1[0-9][.]py$')",
        "finding.scanner == 'model' && finding.severity in ['critical', 'high']",
        "component.licenses.exists(l, l.contains('GPL')) && finding.scanner == 'license'",
        "finding.rule in ['iac/rule-1', 'iac/rule-2', 'iac/rule-3'] && finding.location.line > 10",
        "has(finding.evidence.k) && finding.evidence.k.endsWith('99')"};
    for (int i = 0; i < 20; i++) {
      rules.append("  - {id: user-").append(i).append(", description: d, action: ").append(i % 2 == 0 ? "fail" : "warn")
          .append(", match: \"").append(shapes[i % shapes.length].replace("\"", "\\\"")).append("\"}\n");
    }
    PolicyFile user = new PolicyLoader().load("user.yaml", USER_POLICY.formatted(rules.toString().stripTrailing()));
    System.out.println("== Policy evaluation: 20,000 findings, 2,000 components (target >= 1,000,000 evaluations/s);"
        + " load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
        + " on " + Runtime.getRuntime().availableProcessors() + " CPUs, so rates are per CPU-second of this thread");
    String[] names = {"baseline pack", "strict pack", "20-rule user policy"};
    List<List<PolicyFile>> sets = List.of(List.of(Policies.builtIn("baseline")), List.of(Policies.builtIn("strict")), List.of(user));
    double[] best = new double[3];
    String[] lines = new String[3];
    for (int round = 0; round < 3; round++) {  // best of three rounds: the shared machine is noisy
      for (int i = 0; i < 3; i++) {
        double[] rate = new double[1];
        String line = bench(names[i], sets.get(i), findings, inventory, rate);
        if (rate[0] > best[i]) {
          best[i] = rate[0];
          lines[i] = line;
        }
      }
    }
    for (String l : lines) {
      System.out.println(l);
    }
  }

  static String bench(String name, List<PolicyFile> files, List<Finding> findings, Inventory inventory, double[] out) {
    PolicyEvaluator ev = new PolicyEvaluator(files, Optional.empty());
    long findingRules = ev.rules().stream().filter(r -> r.input().name().equals("finding")).count();
    long componentRules = ev.rules().size() - findingRules;
    long perRun = findingRules * findings.size() + componentRules * inventory.components().size();
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long warm = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < 4 || mx.getCurrentThreadCpuTime() - warm < 1_000_000_000L; i++) {
      ev.evaluate(findings, inventory);
    }
    int runs = 8;
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Verdict v = null;
    for (int i = 0; i < runs; i++) {
      v = ev.evaluate(findings, inventory);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
    double rate = perRun * runs / cpu;
    out[0] = rate;
    return String.format("%-22s %2d rules  %,12.0f evaluations/CPU-s (%.2fx target)  %,12.0f /wall-s  verdict %s", name,
        ev.rules().size(), rate, rate / 1_000_000.0, perRun * runs / secs, v.result().id());
  }

  /** The gate on the example project's own findings, cold (loading and compiling the pack) and warm. */
  static void gateShare(Path report, long scanMs) throws Exception {
    JsonNode r = new ObjectMapper().readTree(report.toFile());
    List<Finding> findings = new ArrayList<>();
    for (JsonNode f : r.get("findings")) {
      Finding.Builder b = Finding.builder(Scanner.parse(f.get("scanner").asText()), f.get("rule").asText(),
          Severity.parse(f.get("severity").asText()), f.get("title").asText()).id(f.get("id").asText());
      if (f.hasNonNull("component")) {
        b.component(f.get("component").asText());
      }
      JsonNode loc = f.get("location");
      if (loc != null && loc.hasNonNull("path")) {
        b.location(new Location(loc.get("path").asText(), loc.hasNonNull("line") ? loc.get("line").asInt() : null, null, null));
      }
      findings.add(b.build());
    }
    List<Component> components = new ArrayList<>();
    for (JsonNode c : r.get("components")) {
      components.add(Component.builder(ComponentType.LIBRARY, c.path("name").asText("x")).ref(c.get("ref").asText())
          .version(c.hasNonNull("version") ? c.get("version").asText() : null).build());
    }
    Inventory inv = Inventory.of(components);
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Verdict v = new PolicyEvaluator(Policies.load("baseline"), Optional.empty()).evaluate(findings, inv);
    double coldMs = (System.nanoTime() - t0) / 1e6;
    double coldCpuMs = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
    // In a scan the IaC checks have already loaded CEL; what the gate adds is compiling its pack and evaluating.
    long c1 = mx.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    new PolicyEvaluator(List.of(new PolicyLoader().load("fresh-baseline.yaml",
        Policies.resource("/dev/bulwark/policy/packs/baseline.yaml"))), Optional.empty()).evaluate(findings, inv);
    double inScanMs = (System.nanoTime() - t1) / 1e6;
    double inScanCpuMs = (mx.getCurrentThreadCpuTime() - c1) / 1e6;
    System.out.printf("== Gate on the example project (%d findings, %d components; scan wall time %d ms)%n",
        findings.size(), components.size(), scanMs);
    System.out.printf("gate in a fresh JVM (loads CEL, compiles the pack, evaluates): %.0f ms wall, %.0f ms CPU = %.2f%% of the scan's wall time%n",
        coldMs, coldCpuMs, 100.0 * coldMs / scanMs);
    System.out.printf("gate with CEL already loaded by the IaC checks, as in a scan: %.1f ms wall, %.1f ms CPU = %.3f%% of the scan; verdict %s%n",
        inScanMs, inScanCpuMs, 100.0 * inScanMs / scanMs, v.result().id());
    System.out.println();
  }
}
