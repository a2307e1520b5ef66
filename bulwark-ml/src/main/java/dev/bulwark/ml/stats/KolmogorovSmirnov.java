package dev.bulwark.ml.stats;

/**
 * Two-sided two-sample Kolmogorov–Smirnov test with the p-value method chosen as scipy's
 * {@code ks_2samp(method='auto')} chooses it: exact when both samples have at most 10,000 values,
 * asymptotic otherwise. Exact: lattice-path counting (Hodges), for equal sizes by the alternating
 * series over reflections, otherwise by the "inside" recursion written directly for 1 - p
 * (Viehmann 2021) so small p-values do not cancel. Asymptotic: the one-sample Kolmogorov
 * distribution at the effective size round(n1 n2 / (n1 + n2)).
 */
public final class KolmogorovSmirnov {
  public static final long MAX_EXACT_N = 10_000;

  public enum Method { EXACT, ASYMPTOTIC }

  public record Result(double statistic, PValue pValue, Method method) {}

  private KolmogorovSmirnov() {}

  /**
   * @param n1 size of the first sample
   * @param n2 size of the second sample
   * @param d the statistic sup |F1 - F2| as computed from the empirical distribution functions
   */
  public static Result test(long n1, long n2, double d) {
    if (n1 <= 0 || n2 <= 0) {
      throw new IllegalArgumentException("KS needs non-empty samples, got " + n1 + " and " + n2);
    }
    if (Math.max(n1, n2) <= MAX_EXACT_N) {
      long g = gcd(n1, n2);
      long lcm = (n1 / g) * n2;
      long h = (long) Math.rint(d * lcm);
      double dExact = (double) h / lcm;
      if (h == 0) {
        return new Result(dExact, PValue.of(1.0), Method.EXACT);
      }
      double p = n1 == n2 ? outsideSquare((int) n1, (int) h) : outsideInsideMethod((int) n1, (int) n2, (int) g, h);
      return new Result(dExact, PValue.of(p), Method.EXACT);
    }
    double m = Math.max(n1, n2);
    double n = Math.min(n1, n2);
    double en = m * n / (m + n);
    return new Result(d, KolmogorovDistribution.sf((long) Math.rint(en), d), Method.ASYMPTOTIC);
  }

  /** P(D_{n,n} >= h/n): 2 (A0 - A0 A1 + A0 A1 A2 - ...) evaluated from the innermost term out. */
  static double outsideSquare(int n, int h) {
    double p = 0.0;
    for (int k = n / h; k >= 0; k--) {
      double a = 1.0;
      for (int j = 0; j < h; j++) {
        a = (n - (double) k * h - j) * a / (n + (double) k * h + j + 1);
      }
      p = a * (1.0 - p);
    }
    return 2 * p;
  }

  /**
   * Probability that a random lattice path from (0,0) to (m,n) leaves the band |x/m - y/n| < h/lcm.
   * Each cell holds the probability that a path through it has already left the band, which is a
   * convex combination of its two predecessors; cells outside the band are 1.
   */
  static double outsideInsideMethod(int n1, int n2, int g, long h) {
    int m = Math.max(n1, n2);
    int n = Math.min(n1, n2);
    long mg = m / g;
    long ng = n / g;
    int minj = 0;
    int maxj = (int) Math.min(ceilDiv(h, mg), n + 1);
    int curlen = maxj - minj;
    int lenA = Math.min(2 * maxj + 2, n + 1);
    double[] a = new double[lenA];
    java.util.Arrays.fill(a, 1.0);
    for (int j = minj; j < maxj; j++) {
      a[j] = 0.0;
    }
    for (int i = 1; i <= m; i++) {
      int lastminj = minj;
      int lastlen = curlen;
      minj = (int) Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0);
      minj = Math.min(minj, n);
      maxj = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1);
      if (maxj <= minj) {
        return 1.0;
      }
      double val = minj == 0 ? 0.0 : 1.0;
      for (int jj = 0; jj < maxj - minj; jj++) {
        int j = jj + minj;
        val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
        a[jj] = val;
      }
      curlen = maxj - minj;
      if (lastlen > curlen) {
        for (int q = maxj - minj; q < maxj - minj + (lastlen - curlen) && q < a.length; q++) {
          a[q] = 1.0;
        }
      }
    }
    return a[maxj - minj - 1];
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
