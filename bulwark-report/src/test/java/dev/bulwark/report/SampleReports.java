package dev.bulwark.report;

import dev.bulwark.model.AnalyzerOutcome;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-built reports shaped like a real scan of an AI application; times and paths fixed. */
final class SampleReports {

  static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");
  static final ScanReport.ToolInfo TOOL = new ScanReport.ToolInfo("bulwark", "0.1.0");

  private SampleReports() {}

  static final String TORCH = "pkg:pypi/torch@1.13.0";
  static final String TRANSFORMERS = "pkg:pypi/transformers@4.30.0";
  static final String NUMPY = "pkg:pypi/numpy@1.24.1";
  static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
  static final String LOG4J_API = "pkg:maven/org.apache.logging.log4j/log4j-api@2.14.1";
  static final String JACKSON = "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10";
  static final String LODASH = "pkg:npm/lodash@4.17.15";
  static final String TYPES_NODE = "pkg:npm/%40types/node@18.0.0";

  /** An AI application with Python, Java and npm dependencies, a model, a dataset and planted problems. */
  static ScanReport aiApp() {
    List<Component> cs = new ArrayList<>();
    cs.add(Component.builder(ComponentType.LIBRARY, "torch").version("1.13.0").purl(TORCH).ecosystem("PyPI")
        .scope(DependencyScope.DIRECT).kind(DependencyKind.RUNTIME).location(Location.atLine("requirements.txt", 3))
        .location(Location.of("poetry.lock")).license("BSD-3-Clause")
        .hash("sha256", "0ccdb1a1e9ba5a1d8d56d7d3c7ecd5f3ab9c8b0c4c5a0f3e5de2d4e1b0d6c1f2").dependsOn(NUMPY).build());
    cs.add(Component.builder(ComponentType.LIBRARY, "transformers").version("4.30.0").purl(TRANSFORMERS)
        .ecosystem("PyPI").scope(DependencyScope.DIRECT).kind(DependencyKind.RUNTIME)
        .location(Location.atLine("requirements.txt", 4)).license("Apache-2.0").dependsOn(NUMPY).dependsOn(TORCH).build());
    cs.add(Component.builder(ComponentType.LIBRARY, "numpy").version("1.24.1").purl(NUMPY).ecosystem("PyPI")
        .scope(DependencyScope.TRANSITIVE).kind(DependencyKind.RUNTIME).location(Location.of("poetry.lock"))
        .license("BSD-3-Clause").build());
    cs.add(Component.builder(ComponentType.LIBRARY, "log4j-core").group("org.apache.logging.log4j").version("2.14.1")
        .purl(LOG4J).ecosystem("Maven").scope(DependencyScope.DIRECT).kind(DependencyKind.RUNTIME)
        .location(Location.atLine("java-service/pom.xml", 21)).license("Apache-2.0")
        .hash("sha1", "9141212b8507ab50a45525b545b39d224614528b").dependsOn(LOG4J_API).build());
    cs.add(Component.builder(ComponentType.LIBRARY, "log4j-api").group("org.apache.logging.log4j").version("2.14.1")
        .purl(LOG4J_API).ecosystem("Maven").scope(DependencyScope.TRANSITIVE).kind(DependencyKind.RUNTIME)
        .location(Location.of("java-service/lib/app.jar!BOOT-INF/lib/log4j-api-2.14.1.jar")).license("Apache-2.0").build());
    cs.add(Component.builder(ComponentType.LIBRARY, "jackson-databind").group("com.fasterxml.jackson.core")
        .version("2.9.10").purl(JACKSON).ecosystem("Maven").scope(DependencyScope.DIRECT).kind(DependencyKind.PROVIDED)
        .location(Location.atLine("java-service/pom.xml", 27)).license("Apache-2.0").build());
    cs.add(Component.builder(ComponentType.LIBRARY, "lodash").version("4.17.15").purl(LODASH).ecosystem("npm")
        .scope(DependencyScope.DIRECT).kind(DependencyKind.RUNTIME).location(Location.of("web/package-lock.json"))
        .license("MIT").hash("sha512", "v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==")
        .build());
    cs.add(Component.builder(ComponentType.LIBRARY, "@types/node").version("18.0.0").purl(TYPES_NODE).ecosystem("npm")
        .scope(DependencyScope.DIRECT).kind(DependencyKind.DEVELOPMENT).location(Location.of("web/package-lock.json"))
        .license("MIT").build());
    cs.add(Component.builder(ComponentType.LIBRARY, "left-pad-ng").version("1.0.0").ecosystem("npm")
        .scope(DependencyScope.UNKNOWN).location(Location.of("web/package-lock.json"))
        .license("SEE LICENSE IN LICENSE.txt").license("(MIT OR Apache-2.0)").build());
    cs.add(Component.builder(ComponentType.LIBRARY, "requests").ecosystem("PyPI").purl("pkg:pypi/requests")
        .scope(DependencyScope.DIRECT).location(Location.atLine("requirements.txt", 7))
        .property(Component.UNPINNED, "true").build());
    cs.add(Component.builder(ComponentType.MACHINE_LEARNING_MODEL, "sentiment-classifier").version("2")
        .ref("model:models/sentiment.safetensors").location(Location.of("models/sentiment.safetensors")).firstParty(true)
        .hash("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        .property("bulwark:model:format", "safetensors").property("bulwark:model:parameters", "66955010")
        .property("bulwark:modelCard:task", "text-classification")
        .property("bulwark:modelCard:architectureFamily", "distilbert")
        .property("bulwark:modelCard:modelArchitecture", "DistilBertForSequenceClassification")
        .property("bulwark:modelCard:approach", "supervised")
        .property("bulwark:modelCard:inputs", "text").property("bulwark:modelCard:outputs", "label")
        .property("bulwark:modelCard:useCases", "Classify customer reviews by sentiment")
        .license("Apache-2.0").build());
    cs.add(Component.builder(ComponentType.MACHINE_LEARNING_MODEL, "legacy-model").ref("model:models/legacy.pkl")
        .location(Location.of("models/legacy.pkl")).property("bulwark:model:format", "pickle").build());
    cs.add(Component.builder(ComponentType.DATA, "customers.csv").ref("data:data/customers.csv")
        .location(Location.of("data/customers.csv")).property("bulwark:data:rows", "500").build());

    List<Finding> fs = new ArrayList<>();
    fs.add(Finding.builder(Scanner.VULN, "GHSA-jfh8-c2jp-5v3q", Severity.CRITICAL,
            "log4j-core 2.14.1: Remote code injection in Log4j (Log4Shell)")
        .description("Apache Log4j2 JNDI features do not protect against attacker controlled LDAP endpoints.")
        .component(LOG4J).location(Location.atLine("java-service/pom.xml", 21))
        .evidence("cvss.version", "3.1").evidence("cvss.vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")
        .evidence("cvss.score", "10.0")
        .evidence("installed", "2.14.1").alias("CVE-2021-44228")
        .reference("https://nvd.nist.gov/vuln/detail/CVE-2021-44228").fix("Upgrade log4j-core to 2.15.0").build());
    fs.add(Finding.builder(Scanner.VULN, "PYSEC-2022-43015", Severity.HIGH, "torch 1.13.0: arbitrary code execution in torch.load")
        .description("torch.load with weights_only=True can still execute code.")
        .component(TORCH).location(Location.atLine("requirements.txt", 3))
        .evidence("cvss.vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H").evidence("cvss.score", "8.8").alias("CVE-2022-45907").alias("GHSA-47fc-vmwq-366v")
        .fix("Upgrade torch to 2.6.0").build());
    fs.add(Finding.builder(Scanner.VULN, "GHSA-p6mc-m468-83gw", Severity.HIGH, "lodash 4.17.15: Prototype pollution")
        .component(LODASH).location(Location.of("web/package-lock.json")).alias("CVE-2020-8203")
        .suppression(new Suppression("vex", "not_affected", "vulnerable_code_not_in_execute_path: the app never calls zipObjectDeep", "vex/openvex.json"))
        .build());
    fs.add(Finding.builder(Scanner.VULN, "GHSA-57j2-w4cx-62h2", Severity.MEDIUM, "jackson-databind 2.9.10: deeply nested JSON DoS")
        .component(JACKSON).evidence("severitySource", "database_specific").alias("CVE-2020-36518").build());
    fs.add(Finding.builder(Scanner.MODEL, "pickle-unsafe-callable", Severity.CRITICAL,
            "Pickle imports os.system, which runs a shell command when loaded")
        .description("The pickle calls a global that executes code on load.")
        .component("model:models/legacy.pkl").location(Location.atOffset("models/legacy.pkl", 42))
        .evidence("callable", "os.system").fingerprint("os.system@42").build());
    fs.add(Finding.builder(Scanner.MODEL, "pickle-unsafe-callable", Severity.CRITICAL,
            "Pickle imports builtins.exec, which runs code when loaded")
        .location(Location.atOffset("models/bundle.zip!archive/data.pkl", 118))
        .evidence("callable", "builtins.exec").fingerprint("builtins.exec@118").build());
    fs.add(Finding.builder(Scanner.SECRET, "aws-access-key", Severity.HIGH, "AWS access key id")
        .location(Location.atLine(".env", 2, 19)).evidence("sha256", "5e884898da28047151d0e56f8dc6292773603d0d")
        .fix("Revoke the key and load it from a secret store").fingerprint("5e8848").build());
    fs.add(Finding.builder(Scanner.PII, "email-address", Severity.MEDIUM, "Column 'email' holds e-mail addresses")
        .component("data:data/customers.csv").location(Location.atLine("data/customers.csv", 1, 3))
        .evidence("column", "email").evidence("matches", "500").build());
    fs.add(Finding.builder(Scanner.IAC, "dockerfile-runs-as-root", Severity.MEDIUM, "Container runs as root")
        .location(Location.atLine("Dockerfile", 1)).fix("Add a USER instruction").build());
    fs.add(Finding.builder(Scanner.IAC, "k8s-privileged", Severity.HIGH, "Privileged container 'api' in Deployment inference")
        .location(Location.atLine("deploy/k8s/deployment.yaml", 24, 11)).build());
    fs.add(Finding.builder(Scanner.LICENSE, "unknown-license", Severity.LOW, "left-pad-ng has a licence that is not SPDX")
        .component("library:left-pad-ng@1.0.0").build());
    fs.add(Finding.builder(Scanner.SBOM, "unreadable-file", Severity.LOW, "web/broken-lock.json: unexpected end of input")
        .location(Location.of("web/broken-lock.json")).build());
    fs.add(Finding.builder(Scanner.POLICY, "no-latest-tag", Severity.INFO, "Base image uses the latest tag")
        .description("Pin base images by digest.")
        .location(Location.atLine("Dockerfile", 1)).suppression(new Suppression("waiver", "accepted", "tracked in JIRA-12", ".bulwark/waivers.yaml"))
        .build());
    fs.add(Finding.builder(Scanner.SBOM, "unpinned-dependency", Severity.INFO, "requests is not pinned")
        .component("pkg:pypi/requests").build());

    List<AnalyzerOutcome> outcomes = List.of(
        AnalyzerOutcome.completed("sbom/python", 12, 3),
        AnalyzerOutcome.completed("sbom/maven", 8, 1),
        AnalyzerOutcome.completed("model/pickle", 30, 2),
        AnalyzerOutcome.failed("iac/helm", "template values.yaml: nesting deeper than 100", 4, 1),
        AnalyzerOutcome.skipped("vuln/osv", "database missing; run bulwark db import"));
    Finding log4shell = fs.get(0);
    Verdict verdict = new Verdict(Verdict.Result.FAIL,
        List.of("3 findings at or above high", "analyzer iac/helm failed"),
        List.of(new Verdict.FiredRule("fail-on-high", "fail", "a finding of severity high or above", List.of(log4shell.id(), fs.get(4).id())),
            new Verdict.FiredRule("warn-medium", "warn", null, List.of(fs.get(7).id()))));
    return new ScanReport(TOOL, new Target("vulnerable-ai-app", Target.Type.DIRECTORY, Map.of("git:commit", "0123abc")),
        STARTED, 1534, Inventory.of(cs), fs, outcomes, verdict);
  }

  /** A scan with nothing to report. */
  static ScanReport clean() {
    return new ScanReport(TOOL, new Target("model.safetensors", Target.Type.FILE, Map.of()), STARTED, 3,
        Inventory.empty(), List.of(), List.of(AnalyzerOutcome.completed("model/safetensors", 1, 1)), Verdict.pass());
  }

  /** A report whose every string is hostile: markup, control characters, ANSI escapes, quotes. */
  static ScanReport hostile() {
    String evil = "<script>alert(1)</script>";
    Component c = Component.builder(ComponentType.LIBRARY, evil).version("1.0\"><img src=x onerror=alert(2)>")
        .purl("pkg:npm/evil@1.0").location(Location.of("node_modules/" + evil + "/package.json"))
        .license("MIT</td><script>alert(3)</script>").property("bulwark:note", "\u001b[31mred\u001b[0m & 'quoted'").build();
    Finding f = Finding.builder(Scanner.SECRET, "generic-api-key", Severity.HIGH, "key in " + evil + "\u001b]0;pwned\u0007")
        .description("</details><script>alert(4)</script>").component(c.ref())
        .location(Location.atLine("src/" + evil + ".js", 1)).reference("javascript:alert(5)")
        .reference("https://example.com/?q=<b>").fix("\"'><svg onload=alert(6)>").evidence("<k>", "<v>").build();
    return new ScanReport(TOOL, new Target("app/" + evil, Target.Type.DIRECTORY, Map.of()), STARTED, 10,
        Inventory.of(List.of(c)), List.of(f), List.of(AnalyzerOutcome.failed("x/" + evil, evil, 1, 1)),
        new Verdict(Verdict.Result.FAIL, List.of(evil), List.of()));
  }

  /** A synthetic inventory of {@code n} npm packages in a chain, with a vulnerability every 50th. */
  static ScanReport large(int n) {
    List<Component> cs = new ArrayList<>(n);
    List<Finding> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String purl = "pkg:npm/pkg-" + i + "@1." + (i % 7) + ".0";
      Component.Builder b = Component.builder(ComponentType.LIBRARY, "pkg-" + i).version("1." + (i % 7) + ".0")
          .purl(purl).ecosystem("npm").scope(i < 10 ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE)
          .kind(DependencyKind.RUNTIME).location(Location.of("package-lock.json")).license(i % 3 == 0 ? "MIT" : "ISC")
          .hash("sha1", String.format("%040x", i));
      if (i + 1 < n) {
        b.dependsOn("pkg:npm/pkg-" + (i + 1) + "@1." + ((i + 1) % 7) + ".0");
      }
      cs.add(b.build());
      if (i % 50 == 0) {
        fs.add(Finding.builder(Scanner.VULN, "GHSA-0000-0000-" + String.format("%04d", i), Severity.values()[i % 5],
            "pkg-" + i + " is vulnerable").component(purl).location(Location.of("package-lock.json")).build());
      }
    }
    return new ScanReport(TOOL, new Target("big-app", Target.Type.DIRECTORY, Map.of()), STARTED, 99,
        Inventory.of(cs), fs, List.of(AnalyzerOutcome.completed("sbom/npm", 5, 1)), Verdict.pass());
  }
}
