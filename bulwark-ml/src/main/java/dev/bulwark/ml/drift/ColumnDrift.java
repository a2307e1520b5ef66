package dev.bulwark.ml.drift;

import dev.bulwark.ml.stats.ChiSquare;
import dev.bulwark.ml.stats.KolmogorovSmirnov;
import java.util.List;

/**
 * The drift tests of one column. Numeric columns carry ks, wasserstein (raw and divided by the
 * reference's population standard deviation), jensenShannon and psi over the reference's quantile
 * bins; categorical columns carry chiSquare, jensenShannon and psi over categories. Absent tests are null.
 */
public record ColumnDrift(
    String name,
    String type,
    long referenceCount,
    long currentCount,
    long referenceMissing,
    long currentMissing,
    KolmogorovSmirnov.Result ks,
    Double wasserstein,
    Double wassersteinNormed,
    double jensenShannon,
    double psi,
    ChiSquare.Result chiSquare,
    boolean drift,
    String method,
    double score,
    double threshold,
    Bins bins,
    Bins histogram) {

  /** Labels and counts of the bins a distance was computed on (or a chart is drawn from). */
  public record Bins(List<String> labels, long[] reference, long[] current, double[] edges) {}
}
