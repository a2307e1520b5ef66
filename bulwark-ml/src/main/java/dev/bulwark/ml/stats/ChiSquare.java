package dev.bulwark.ml.stats;

import org.hipparchus.special.Gamma;

/**
 * Pearson's chi-square test of independence on a 2 x k contingency table (reference counts vs current
 * counts per category), as scipy's {@code chi2_contingency} computes it: expected counts from the
 * margins, Yates' continuity correction when the table has exactly one degree of freedom (each
 * observed count moved by at most 0.5 towards its expected count), and the upper tail of the
 * chi-square distribution. The tail is the regularized upper incomplete gamma function evaluated in
 * log space by its continued fraction, so p-values like 1e-85 (or 1e-400, as a logarithm) survive;
 * {@code 1 - cdf}, which collapses to 0 near 1e-16, is never used.
 */
public final class ChiSquare {

  public record Result(double statistic, PValue pValue, int dof) {}

  private ChiSquare() {}

  public static Result contingency(long[] reference, long[] current) {
    if (reference.length != current.length) {
      throw new IllegalArgumentException("rows differ in length: " + reference.length + " vs " + current.length);
    }
    int k = reference.length;
    double r0 = 0;
    double r1 = 0;
    for (int i = 0; i < k; i++) {
      r0 += reference[i];
      r1 += current[i];
    }
    double total = r0 + r1;
    int dof = Math.max(0, k - 1);
    if (dof == 0 || r0 == 0 || r1 == 0) {
      return new Result(0.0, PValue.of(1.0), dof);
    }
    double stat = 0;
    for (int i = 0; i < k; i++) {
      double col = reference[i] + current[i];
      stat += term(reference[i], r0 * col / total, dof);
      stat += term(current[i], r1 * col / total, dof);
    }
    return new Result(stat, upperTail(stat, dof), dof);
  }

  private static double term(double observed, double expected, int dof) {
    double o = observed;
    if (dof == 1) {
      double diff = expected - o;
      o += Math.signum(diff) * Math.min(0.5, Math.abs(diff));
    }
    double d = o - expected;
    return d * d / expected;
  }

  /** P(X >= x) for X ~ chi-square(dof). */
  public static PValue upperTail(double x, double dof) {
    if (x <= 0) {
      return PValue.of(1.0);
    }
    return PValue.ofLog(logRegularizedGammaQ(dof / 2.0, x / 2.0));
  }

  /** ln Q(a, x), Q the regularized upper incomplete gamma function. */
  public static double logRegularizedGammaQ(double a, double x) {
    if (x < a + 1) {
      double p = Gamma.regularizedGammaP(a, x, 1e-16, 100_000);
      return Math.log1p(-p);
    }
    // Modified Lentz evaluation of the continued fraction for Q.
    double tiny = 1e-300;
    double b = x + 1 - a;
    double c = 1 / tiny;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 100_000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = b + an / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return -x + a * Math.log(x) - Gamma.logGamma(a) + Math.log(h);
  }
}
