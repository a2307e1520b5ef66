package dev.bulwark.ml.cli;

import dev.bulwark.ml.chart.Chart;
import dev.bulwark.ml.data.TableSource;
import dev.bulwark.ml.fairness.FailOn;
import dev.bulwark.ml.fairness.FairnessAnalysis;
import dev.bulwark.ml.fairness.FairnessReport;
import dev.bulwark.ml.fairness.FairnessRequest;
import dev.bulwark.ml.fairness.FairnessResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fairness", mixinStandardHelpOptions = true,
    description = {"Fairness audit of a model's predictions: per-group confusion counts and rates,",
        "demographic parity, equalized odds, equal opportunity, predictive parity, disparate impact",
        "and the four-fifths rule, with bootstrap intervals. Exit codes: 0 pass, 1 a check failed,",
        "2 usage error or unreadable data, 3 internal error."})
public final class FairnessCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV, Parquet or JSON Lines file")
  Path data;

  @Option(names = "--label", required = true, paramLabel = "COL", description = "true outcome column")
  String label;

  @Option(names = "--prediction", required = true, paramLabel = "COL", description = "predicted outcome (or score with --threshold)")
  String prediction;

  @Option(names = "--sensitive", required = true, split = ",", paramLabel = "COL", description = "sensitive columns; with several, their intersection is audited too")
  List<String> sensitive;

  @Option(names = "--positive-label", split = ",", paramLabel = "V", defaultValue = "1", description = "label value(s) meaning the positive outcome (default: ${DEFAULT-VALUE})")
  List<String> positiveLabel;

  @Option(names = "--prediction-positive", split = ",", paramLabel = "V", description = "prediction value(s) meaning positive (default: the --positive-label values)")
  List<String> predictionPositive = new ArrayList<>();

  @Option(names = "--threshold", paramLabel = "T", description = "the prediction column is a score; positive when score >= T")
  Double threshold;

  @Option(names = "--reference-group", paramLabel = "COL=VALUE", description = "reference group for disparate impact (default: the group with the highest selection rate)")
  List<String> referenceGroup = new ArrayList<>();

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0", description = "bootstrap resamples for confidence intervals (0: none)")
  int bootstrap;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed of the bootstrap (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95", description = "confidence level of the intervals (default: ${DEFAULT-VALUE})")
  double confidence;

  @Option(names = "--fail-on", split = ",", paramLabel = "COND", description = "failure conditions: four-fifths, dp-diff>X, dp-ratio<X, eo-diff>X, eo-ratio<X, eop-diff>X, pp-diff>X, di<X, or none (default: four-fifths)")
  List<String> failOn = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT=PATH", description = "json=FILE, html=FILE, png-dir=DIR, table (stdout; the default)")
  List<String> outputs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    FairnessRequest request;
    Outputs outs;
    List<FailOn> conditions = new ArrayList<>();
    try {
      outs = Outputs.parse(outputs);
      Map<String, String> refs = new LinkedHashMap<>();
      for (String r : referenceGroup) {
        int eq = r.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--reference-group expects COL=VALUE, got '" + r + "'");
        }
        refs.put(r.substring(0, eq), r.substring(eq + 1));
      }
      List<String> fo = failOn.isEmpty() ? List.of("four-fifths") : failOn;
      for (String f : fo) {
        if (!f.equalsIgnoreCase("none")) {
          conditions.add(FailOn.parse(f));
        }
      }
      request = new FairnessRequest(data, label, prediction, sensitive, positiveLabel, predictionPositive, threshold, refs,
          bootstrap, seed, confidence);
    } catch (IllegalArgumentException e) {
      err.println("bulwark fairness: " + e.getMessage());
      return 2;
    }
    return MlRun.run(err, () -> {
      if (outs.get("json") != null || outs.get("html") != null) {
        MlRun.warmUpJson();
      }
      FairnessResult result;
      try (TableSource source = TableSource.open()) {
        result = FairnessAnalysis.run(source, request);
      }
      String first = result.attributes().get(0);
      long positives = result.groupsOf(first).stream().mapToLong(g -> g.counts().tp() + g.counts().fn()).sum();
      long predicted = result.groupsOf(first).stream().mapToLong(g -> g.counts().tp() + g.counts().fp()).sum();
      if (positives == 0) {
        err.println("bulwark fairness: warning: no row has a positive label " + request.positiveLabels() + " in column "
            + request.label() + "; check --positive-label");
      }
      if (predicted == 0) {
        err.println("bulwark fairness: warning: no row has a positive prediction in column " + request.prediction()
            + "; check --prediction-positive or --threshold");
      }
      List<FailOn.Check> checks = new ArrayList<>();
      for (FailOn c : conditions) {
        checks.addAll(c.check(result));
      }
      List<Outputs.Staged> staged = new ArrayList<>();
      if (outs.get("json") != null) {
        String json = FairnessReport.json(result, checks);
        staged.add(Outputs.stage(outs.get("json"), o -> o.write(json.getBytes(StandardCharsets.UTF_8))));
      }
      if (outs.get("html") != null) {
        String html = FairnessReport.html(result, checks);
        staged.add(Outputs.stage(outs.get("html"), o -> o.write(html.getBytes(StandardCharsets.UTF_8))));
      }
      if (outs.get("png-dir") != null) {
        List<Chart> charts = FairnessReport.charts(result);
        staged.addAll(MlRun.stagePngs(outs.get("png-dir"), charts));
      }
      Outputs.commitAll(staged);
      if (outs.table()) {
        out.print(FairnessReport.table(result, checks));
        out.flush();
      }
      return checks.stream().anyMatch(FailOn.Check::failed) ? 1 : 0;
    });
  }
}
