package dev.bulwark.ml.cli;

import dev.bulwark.ml.data.TableSource;
import dev.bulwark.ml.drift.DriftAnalysis;
import dev.bulwark.ml.drift.DriftReport;
import dev.bulwark.ml.drift.DriftRequest;
import dev.bulwark.ml.drift.DriftResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "drift", mixinStandardHelpOptions = true,
    description = {"Data drift between a reference and a current table: KS, Wasserstein,",
        "Jensen-Shannon and PSI for numeric columns; chi-square, Jensen-Shannon and PSI for",
        "categorical ones; dataset drift from the share of drifted columns. Exit codes: 0 no",
        "dataset drift, 1 dataset drift, 2 usage error or unreadable data, 3 internal error."})
public final class DriftCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--reference", required = true, paramLabel = "FILE", description = "reference data (CSV, Parquet, JSON Lines)")
  Path reference;

  @Option(names = "--current", required = true, paramLabel = "FILE", description = "current data (CSV, Parquet, JSON Lines)")
  Path current;

  @Option(names = "--columns", split = ",", paramLabel = "COL", description = "columns to compare (default: all columns in both files)")
  List<String> columns = new ArrayList<>();

  @Option(names = "--numeric", split = ",", paramLabel = "COL", description = "treat these columns as numeric")
  List<String> numeric = new ArrayList<>();

  @Option(names = "--categorical", split = ",", paramLabel = "COL", description = "treat these columns as categorical")
  List<String> categorical = new ArrayList<>();

  @Option(names = "--numeric-test", defaultValue = "auto", paramLabel = "TEST", description = "auto, ks, wasserstein, jensenshannon, psi (default: ${DEFAULT-VALUE})")
  String numericTest;

  @Option(names = "--categorical-test", defaultValue = "auto", paramLabel = "TEST", description = "auto, chisquare, jensenshannon, psi (default: ${DEFAULT-VALUE})")
  String categoricalTest;

  @Option(names = "--p-value", defaultValue = "0.05", paramLabel = "P", description = "drift when a test's p-value is below P (default: ${DEFAULT-VALUE})")
  double pValue;

  @Option(names = "--wasserstein", defaultValue = "0.1", paramLabel = "X", description = "drift when Wasserstein / reference std >= X (default: ${DEFAULT-VALUE})")
  double wasserstein;

  @Option(names = "--jensen-shannon", defaultValue = "0.1", paramLabel = "X", description = "drift when the Jensen-Shannon distance >= X (default: ${DEFAULT-VALUE})")
  double jensenShannon;

  @Option(names = "--psi", defaultValue = "0.1", paramLabel = "X", description = "drift when PSI >= X (default: ${DEFAULT-VALUE})")
  double psi;

  @Option(names = "--small-data-rows", defaultValue = "1000", paramLabel = "N", description = "auto uses p-value tests up to N reference rows, distances above (default: ${DEFAULT-VALUE})")
  long smallDataRows;

  @Option(names = "--drift-share", defaultValue = "0.5", paramLabel = "S", description = "dataset drift when this share of columns drifted (default: ${DEFAULT-VALUE})")
  double driftShare;

  @Option(names = "--max-categories", defaultValue = "5", paramLabel = "N", description = "numeric columns with at most N distinct reference values are categorical (default: ${DEFAULT-VALUE})")
  int maxCategories;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT=PATH", description = "json=FILE, html=FILE, png-dir=DIR, table (stdout; the default)")
  List<String> outputs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    DriftRequest request;
    Outputs outs;
    try {
      outs = Outputs.parse(outputs);
      request = new DriftRequest(reference, current, columns, numeric, categorical, new DriftRequest.Thresholds(
          numericTest, categoricalTest, pValue, wasserstein, jensenShannon, psi, smallDataRows, driftShare, maxCategories));
    } catch (IllegalArgumentException e) {
      err.println("bulwark drift: " + e.getMessage());
      return 2;
    }
    return MlRun.run(err, () -> {
      if (outs.get("json") != null || outs.get("html") != null) {
        MlRun.warmUpJson();
      }
      DriftResult result;
      try (TableSource source = TableSource.open()) {
        result = DriftAnalysis.run(source, request);
      }
      List<Outputs.Staged> staged = new ArrayList<>();
      if (outs.get("json") != null) {
        String json = DriftReport.json(result);
        staged.add(Outputs.stage(outs.get("json"), o -> o.write(json.getBytes(StandardCharsets.UTF_8))));
      }
      if (outs.get("html") != null) {
        String html = DriftReport.html(result);
        staged.add(Outputs.stage(outs.get("html"), o -> o.write(html.getBytes(StandardCharsets.UTF_8))));
      }
      if (outs.get("png-dir") != null) {
        staged.addAll(MlRun.stagePngs(outs.get("png-dir"), DriftReport.charts(result)));
      }
      Outputs.commitAll(staged);
      if (outs.table()) {
        out.print(DriftReport.table(result));
        out.flush();
      }
      return result.detected() ? 1 : 0;
    });
  }
}
