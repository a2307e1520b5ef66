package dev.bulwark.cli;

import dev.bulwark.engine.Plugins;
import dev.bulwark.engine.Progress;
import dev.bulwark.engine.ScanEngine;
import dev.bulwark.model.AnalyzerOutcome;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bulwark scan PATH}: inventory, every analyzer, the gate, reports. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Scans a folder, file, archive, image or SBOM and applies the gate.",
        "Runs the inventory and every analyzer (vulnerabilities, model files, secrets, PII, misconfigurations,",
        "licences), applies the policy gate and writes reports."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:passed (or passed with warnings)", "1:the gate failed",
        "2:usage error or unreadable input", "3:internal error or an analyzer failed (fail closed)"})
public final class ScanCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "Folder, file, archive, image tarball or SBOM to scan.")
  Path target;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT[=FILE]",
      description = "Report format and file (repeatable; default: table on stdout). Formats: table, json, sarif, "
          + "cyclonedx-json, cyclonedx-xml, spdx-json, junit, html, and those of plugins.")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
      description = "Fail the gate on active findings at or above this severity: critical, high, medium, low, info, "
          + "or none (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--allow-analyzer-failures", description = "Do not exit 3 when an analyzer failed (fail open).")
  boolean allowAnalyzerFailures;

  @Option(names = "--policy", paramLabel = "FILE|DIR|PACK",
      description = "Policy files or folders, or a built-in pack (baseline, strict); repeatable; default: baseline.")
  List<String> policies = new ArrayList<>();

  @Option(names = "--licenses", paramLabel = "FILE", description = "Licence policy (allow/deny lists of SPDX ids and expressions).")
  Path licenses;

  @Option(names = "--iac-rules", paramLabel = "FILE|DIR", description = "Extra IaC checks written as CEL rule files.")
  Path iacRules;

  @Option(names = "--vex", paramLabel = "FILE", description = "OpenVEX or CycloneDX VEX statements to apply (repeatable).")
  List<Path> vex = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "FILE", description = "Hide secret findings recorded in this baseline.")
  Path baseline;

  @Option(names = "--git-history", description = "Also scan every commit of the target's git history for secrets.")
  boolean gitHistory;

  @Option(names = "--model-allow", paramLabel = "PACKS", split = ",",
      description = "Extra allowlist packs for pickled models: sklearn, xgboost, lightgbm, transformers.")
  List<String> modelAllow = new ArrayList<>();

  @Option(names = "--fairness-data", paramLabel = "FILE",
      description = "Also audit fairness of this predictions file (with --set ml.fairness.label=..., .prediction=..., .sensitive=...).")
  Path fairnessData;

  @Option(names = "--drift-reference", paramLabel = "FILE", description = "Reference data for a drift check (with --drift-current).")
  Path driftReference;

  @Option(names = "--drift-current", paramLabel = "FILE", description = "Current data for a drift check (with --drift-reference).")
  Path driftCurrent;

  @Mixin
  ScanOptionsMixin common = new ScanOptionsMixin();

  @Override
  public Integer call() throws Exception {
    PrintStream err = System.err;
    PrintStream out = System.out;
    try {
      Severity threshold = parseFailOn(failOn);
      List<OutputSpec> specs = parseOutputs(outputs, "table");
      if (!java.nio.file.Files.exists(target)) {
        throw new UsageException(target + ": no such file or folder");
      }
      ReportOutputs writers = new ReportOutputs();
      writers.check(specs);
      Map<String, String> extra = new LinkedHashMap<>();
      if (!policies.isEmpty()) extra.put("policy.files", policyFiles(policies));
      if (licenses != null) extra.put("policy.licenses", existing(licenses, "--licenses").toString());
      if (iacRules != null) extra.put("iac.rules", existing(iacRules, "--iac-rules").toString());
      for (Path v : vex) existing(v, "--vex");
      if (baseline != null) existing(baseline, "--baseline");
      if (!vex.isEmpty()) extra.put("vuln.vex", ScanOptionsMixin.joinPaths(vex));
      if (baseline != null) extra.put("secrets.baseline", baseline.toAbsolutePath().toString());
      if (gitHistory) extra.put("secrets.gitHistory", "true");
      if (!modelAllow.isEmpty()) extra.put("model.allow", String.join(",", modelAllow));
      if (fairnessData != null) extra.put("ml.fairness.data", fairnessData.toAbsolutePath().toString());
      if ((driftReference == null) != (driftCurrent == null)) {
        throw new UsageException("--drift-reference and --drift-current go together");
      }
      if (driftReference != null) {
        extra.put("ml.drift.reference", driftReference.toAbsolutePath().toString());
        extra.put("ml.drift.current", driftCurrent.toAbsolutePath().toString());
      }
      extra.put("policy.failOn", threshold == null ? "none" : threshold.id());

      ScanReport report;
      Progress progress = TerminalProgress.forConsole(err, common.quiet);
      try {
        report = new ScanEngine(Plugins.discover(), common.toOptions(threshold, extra, false)).scan(target, progress);
      } finally {
        if (progress instanceof TerminalProgress tp) tp.close();
      }
      writers.write(report, specs, out, System.console() != null);
      return exitCode(report, err);
    } catch (UsageException | IllegalArgumentException e) {
      err.println("bulwark: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (ScanEngine.TargetException e) {
      err.println("bulwark: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  private int exitCode(ScanReport report, PrintStream err) {
    List<AnalyzerOutcome> failed = report.outcomes().stream()
        .filter(o -> o.status() == AnalyzerOutcome.Status.FAILED).toList();
    for (AnalyzerOutcome o : failed) {
      err.println("bulwark: analyzer " + o.analyzer() + " failed: " + o.message());
    }
    if (!failed.isEmpty() && !allowAnalyzerFailures) {
      err.println("bulwark: failing closed because " + failed.size()
          + " analyzer(s) failed (use --allow-analyzer-failures to fail open)");
      return ExitCodes.INTERNAL;
    }
    return report.verdict().result() == Verdict.Result.FAIL ? ExitCodes.GATE_FAILED : ExitCodes.PASS;
  }

  /** Built-in pack names pass through; anything else must be an existing file or folder. */
  private static String policyFiles(List<String> given) throws UsageException {
    List<String> out = new ArrayList<>();
    for (String g : given) {
      out.add(g.equals("baseline") || g.equals("strict") ? g : existing(Path.of(g), "--policy").toString());
    }
    return String.join(",", out);
  }

  private static Path existing(Path p, String option) throws UsageException {
    if (!java.nio.file.Files.exists(p)) {
      throw new UsageException(p + ": no such file or folder (given to " + option + ")");
    }
    return p.toAbsolutePath();
  }

  static Severity parseFailOn(String text) {
    return text.equalsIgnoreCase("none") ? null : Severity.parse(text);
  }

  static List<OutputSpec> parseOutputs(List<String> outputs, String defaultFormat) {
    List<OutputSpec> specs = new ArrayList<>();
    for (String o : outputs) {
      specs.add(OutputSpec.parse(o));
    }
    if (specs.isEmpty()) {
      specs.add(new OutputSpec(defaultFormat, null));
    }
    return specs;
  }
}
