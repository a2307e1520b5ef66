package dev.bulwark.ml.gate;

import dev.bulwark.ml.data.TableSource;
import dev.bulwark.ml.drift.ColumnDrift;
import dev.bulwark.ml.drift.DriftAnalysis;
import dev.bulwark.ml.drift.DriftRequest;
import dev.bulwark.ml.drift.DriftResult;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.spi.FileTree;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.TargetAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts a drift check into {@code bulwark scan}: when {@code ml.drift.reference} and
 * {@code ml.drift.current} are set, reports dataset drift as finding {@code drift/dataset} (MEDIUM)
 * and every drifted column as {@code drift/column} (LOW). Optional settings: {@code ml.drift.columns}
 * (comma-separated), {@code ml.drift.driftShare}.
 */
public final class DriftGateAnalyzer implements TargetAnalyzer {
  static final String PREFIX = "ml.drift.";

  @Override
  public String id() {
    return "ml-drift";
  }

  @Override
  public Scanner scanner() {
    return Scanner.POLICY;
  }

  @Override
  public boolean enabled(ScanContext context) {
    return context.setting(PREFIX + "reference").isPresent() && context.setting(PREFIX + "current").isPresent();
  }

  @Override
  public List<Finding> analyze(FileTree tree, ScanContext context) throws Exception {
    MlSettings s = new MlSettings(context);
    DriftRequest.Thresholds d = DriftRequest.Thresholds.defaults();
    DriftRequest.Thresholds t = new DriftRequest.Thresholds(d.numericTest(), d.categoricalTest(), d.pValue(), d.wasserstein(),
        d.jensenShannon(), d.psi(), d.smallDataRows(), Double.parseDouble(s.optional(PREFIX + "driftShare", "0.5")),
        d.maxCategoricalValues());
    String current = s.required(PREFIX + "current");
    DriftRequest request = new DriftRequest(s.path(PREFIX + "reference"), s.path(PREFIX + "current"),
        s.list(PREFIX + "columns", ""), List.of(), List.of(), t);
    DriftResult result;
    try (TableSource source = TableSource.open()) {
      result = DriftAnalysis.run(source, request);
    }
    List<Finding> findings = new ArrayList<>();
    if (result.detected()) {
      findings.add(Finding.builder(Scanner.POLICY, "drift/dataset", Severity.MEDIUM, "Dataset drift detected in " + current)
          .description(String.format(Locale.ROOT, "%.1f%% of the compared columns drifted (threshold %.1f%%).",
              result.share() * 100, t.driftShare() * 100))
          .location(Location.of(current))
          .evidence("share", result.share())
          .fingerprint("dataset")
          .build());
    }
    for (ColumnDrift c : result.columns()) {
      if (c.drift()) {
        findings.add(Finding.builder(Scanner.POLICY, "drift/column", Severity.LOW, "Column " + c.name() + " drifted")
            .description(c.method() + ": " + c.score())
            .location(Location.of(current))
            .evidence("column", c.name())
            .evidence("method", c.method())
            .evidence("score", c.score())
            .fingerprint(c.name())
            .build());
      }
    }
    return findings;
  }
}
