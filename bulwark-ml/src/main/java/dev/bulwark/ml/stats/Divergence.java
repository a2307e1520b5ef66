package dev.bulwark.ml.stats;

/**
 * Distances between two binned distributions given as counts over the same bins.
 *
 * <ul>
 *   <li>Jensen–Shannon distance: the square root of the Jensen–Shannon divergence with natural
 *       logarithms (as {@code scipy.spatial.distance.jensenshannon} with its default base), so it lies
 *       in [0, sqrt(ln 2)] ~ [0, 0.8326]. Empty bins need no correction.
 *   <li>PSI: sum over bins of (c - r) ln(c / r) on the bin shares, natural logarithm; a share of 0 is
 *       replaced by {@link #PSI_EPSILON} first (the convention of Evidently).
 * </ul>
 */
public final class Divergence {
  public static final double PSI_EPSILON = 1e-4;

  private Divergence() {}

  public static double jensenShannon(long[] reference, long[] current) {
    double[] p = shares(reference);
    double[] q = shares(current);
    double js = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      js += klTerm(p[i], m) + klTerm(q[i], m);
    }
    return Math.sqrt(Math.max(0, js / 2));
  }

  public static double psi(long[] reference, long[] current) {
    double[] p = shares(reference);
    double[] q = shares(current);
    double psi = 0;
    for (int i = 0; i < p.length; i++) {
      double r = p[i] == 0 ? PSI_EPSILON : p[i];
      double c = q[i] == 0 ? PSI_EPSILON : q[i];
      psi += (c - r) * Math.log(c / r);
    }
    return psi;
  }

  private static double klTerm(double a, double m) {
    return a > 0 ? a * Math.log(a / m) : 0;
  }

  public static double[] shares(long[] counts) {
    double total = 0;
    for (long c : counts) {
      total += c;
    }
    double[] out = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      out[i] = total == 0 ? 0 : counts[i] / total;
    }
    return out;
  }
}
