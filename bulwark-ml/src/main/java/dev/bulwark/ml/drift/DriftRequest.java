package dev.bulwark.ml.drift;

import java.nio.file.Path;
import java.util.List;

/**
 * What to compare. Empty {@code columns} means every column present in both files. {@code numeric}
 * and {@code categorical} force a column's type; otherwise numeric DuckDB types with more than
 * {@link Thresholds#maxCategoricalValues()} distinct reference values are numeric, the rest categorical.
 */
public record DriftRequest(Path reference, Path current, List<String> columns, List<String> numeric,
    List<String> categorical, Thresholds thresholds) {

  public DriftRequest {
    columns = List.copyOf(columns);
    numeric = List.copyOf(numeric);
    categorical = List.copyOf(categorical);
    for (String c : numeric) {
      if (categorical.contains(c)) {
        throw new IllegalArgumentException("column '" + c + "' is given as both numeric and categorical");
      }
    }
  }

  /**
   * Decision rules. {@code numericTest}/{@code categoricalTest} "auto" follows Evidently's defaults:
   * with at most {@code smallDataRows} reference rows, KS (numeric) or chi-square (categorical) with
   * p below {@code pValue}; above, normed Wasserstein (numeric) or Jensen–Shannon (categorical) at or
   * above their thresholds. The dataset drifts when the share of drifted columns reaches {@code driftShare}.
   */
  public record Thresholds(String numericTest, String categoricalTest, double pValue, double wasserstein,
      double jensenShannon, double psi, long smallDataRows, double driftShare, int maxCategoricalValues) {

    public static Thresholds defaults() {
      return new Thresholds("auto", "auto", 0.05, 0.1, 0.1, 0.1, 1000, 0.5, 5);
    }

    public Thresholds {
      if (!List.of("auto", "ks", "wasserstein", "jensenshannon", "psi").contains(numericTest)) {
        throw new IllegalArgumentException("numeric test must be auto, ks, wasserstein, jensenshannon or psi, got " + numericTest);
      }
      if (!List.of("auto", "chisquare", "jensenshannon", "psi").contains(categoricalTest)) {
        throw new IllegalArgumentException("categorical test must be auto, chisquare, jensenshannon or psi, got " + categoricalTest);
      }
      if (!(pValue > 0 && pValue < 1)) {
        throw new IllegalArgumentException("p-value threshold must be in (0, 1), got " + pValue);
      }
      if (!(driftShare > 0 && driftShare <= 1)) {
        throw new IllegalArgumentException("drift share must be in (0, 1], got " + driftShare);
      }
      if (wasserstein < 0 || jensenShannon < 0 || psi < 0 || smallDataRows < 0 || maxCategoricalValues < 0) {
        throw new IllegalArgumentException("thresholds must not be negative");
      }
    }
  }
}
