package dev.bulwark.ml.stats;

/**
 * Survival function of the two-sided one-sample Kolmogorov statistic D_n, P(D_n >= x), choosing the
 * algorithm by (n, x) the way scipy's {@code kstwo.sf} does (Simard and L'Ecuyer 2011): Ruben–Gambino
 * closed forms at the ends, twice the exact one-sided Smirnov tail for large n x^2, Durbin's matrix
 * (Marsaglia–Tsang–Wang) or the Pelz–Good expansion for the body.
 *
 * <p>One deliberate difference: where scipy returns exactly 0 (n x^2 >= 370, or n x^2 below the cephes
 * underflow bound) this class continues with the exact Smirnov tail in log space, so far-tail
 * p-values stay representable (as a logarithm when below the double range).
 */
public final class KolmogorovDistribution {
  private static final double LN2 = Math.log(2);
  private static final double PI2 = Math.PI * Math.PI;
  private static final double PI4 = PI2 * PI2;
  private static final double PI6 = PI4 * PI2;
  private static final double SQRT2PI = Math.sqrt(2 * Math.PI);

  private KolmogorovDistribution() {}

  public static PValue sf(long n, double x) {
    if (n <= 0) {
      throw new IllegalArgumentException("kolmogorov needs n > 0, got " + n);
    }
    if (x >= 1.0) {
      return new PValue(0.0, Double.NEGATIVE_INFINITY);
    }
    if (x <= 0.0) {
      return PValue.of(1.0);
    }
    double t = n * x;
    if (t <= 1.0) {
      if (t <= 0.5) {
        return PValue.of(1.0);
      }
      double cdf;
      if (n <= 140) {
        cdf = 1.0;
        for (int i = 1; i <= n; i++) {
          cdf *= i * (1.0 / n) * (2 * t - 1);
        }
      } else {
        cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
      }
      return PValue.of(1.0 - cdf);
    }
    if (t >= n - 1) {
      return PValue.ofLog(LN2 + n * Math.log1p(-x));
    }
    if (x >= 0.5) {
      return twiceSmirnov(n, x);
    }
    double nxx = t * x;
    if (n <= 140) {
      if (nxx <= 4) {
        // scipy uses Durbin below 0.754693 and Pomeranz up to 4; both are exact, Durbin is used here.
        return PValue.of(1.0 - durbinCdf((int) n, x));
      }
      return twiceSmirnov(n, x);
    }
    if (nxx >= 2.2) {
      return twiceSmirnov(n, x);
    }
    double cdf;
    if (nxx >= 18.0) {
      cdf = 1.0;
    } else if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
      cdf = durbinCdf((int) n, x);
    } else {
      cdf = pelzGoodCdf(n, x);
    }
    return PValue.of(1.0 - cdf);
  }

  private static PValue twiceSmirnov(long n, double x) {
    return PValue.ofLog(LN2 + Smirnov.logSf(n, x));
  }

  /** ln(n! / n^n) by Stirling's series with n ln n removed up front. */
  static double logFactorialOverPower(long n) {
    double rn = 1.0 / n;
    double[] c = {-2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
        8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2};
    double y = rn / n;
    double poly = 0;
    for (double ci : c) {
      poly = poly * y + ci;
    }
    return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
  }

  /** P(D_n <= d) by Durbin's matrix method, powers with explicit binary exponent scaling. */
  static double durbinCdf(int n, double d) {
    double nd = n * d;
    if (d >= 1.0) {
      return 1.0;
    }
    if (nd <= 0.5) {
      return 0.0;
    }
    int k = (int) Math.ceil(nd);
    double h = k - nd;
    int m = 2 * k - 1;
    double[][] hm = new double[m][m];
    double[] v = new double[m];
    double[] w = new double[m];
    double fac = 1.0;
    for (int j = 1; j <= m; j++) {
      v[j - 1] = 1.0 - Math.pow(h, j);
      w[j - 1] = fac;
      fac /= j;
      v[j - 1] *= fac;
    }
    double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
    v[m - 1] = (1.0 + tt) * fac;
    for (int i = 1; i < m; i++) {
      for (int r = i - 1; r < m; r++) {
        hm[r][i] = w[r - (i - 1)];
      }
    }
    for (int r = 0; r < m; r++) {
      hm[r][0] = v[r];
    }
    for (int c = 0; c < m; c++) {
      hm[m - 1][c] = v[m - 1 - c];
    }
    double[][] pw = identity(m);
    int expnt = 0;
    int hexpnt = 0;
    int nn = n;
    while (nn > 0) {
      if ((nn & 1) == 1) {
        pw = multiply(pw, hm);
        expnt += hexpnt;
      }
      hm = multiply(hm, hm);
      hexpnt *= 2;
      if (Math.abs(hm[k - 1][k - 1]) > 0x1p128) {
        scale(hm, 0x1p-128);
        hexpnt += 128;
      }
      nn >>= 1;
    }
    double p = pw[k - 1][k - 1];
    for (int i = 1; i <= n; i++) {
      p = i * p / n;
      if (Math.abs(p) < 0x1p-128) {
        p *= 0x1p128;
        expnt -= 128;
      }
    }
    return Math.min(1.0, Math.max(0.0, Math.scalb(p, expnt)));
  }

  /** Pelz–Good asymptotic expansion of P(D_n <= x). */
  static double pelzGoodCdf(long n, double x) {
    double z = Math.sqrt(n) * x;
    double z2 = z * z;
    double z3 = z2 * z;
    double z4 = z2 * z2;
    double z6 = z4 * z2;
    double qlog = -PI2 / 8 / z2;
    if (qlog < -708) {
      return 0.0;
    }
    double q = Math.exp(qlog);
    double k1a = -z2;
    double k1b = PI2 / 4;
    double k2a = 6 * z6 + 2 * z4;
    double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
    double k2c = PI4 * (1 - 2 * z2) / 16;
    double k3d = PI6 * (5 - 30 * z2) / 64;
    double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
    double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
    double k3a = -30 * z6 - 90 * Math.pow(z, 8);
    double[] acc = new double[4];
    int maxk = (int) Math.ceil(16 * z / Math.PI);
    for (int k = maxk; k > 0; k--) {
      double mm = 2.0 * k - 1;
      double m2 = mm * mm;
      double m4 = m2 * m2;
      double m6 = m4 * m2;
      double qp = Math.pow(q, 8.0 * k);
      double[] coeffs = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6};
      for (int i = 0; i < 4; i++) {
        acc[i] = acc[i] * qp + coeffs[i];
      }
    }
    double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
    for (int i = 0; i < 4; i++) {
      acc[i] = acc[i] * q * SQRT2PI / div[i];
    }
    double q2 = Math.exp(-PI2 / 2 / z2);
    double k2extra = 0;
    double k3extra = 0;
    double sqrt3z = Math.sqrt(3) * z;
    for (int k = maxk; k > 0; k--) {
      double ks = (double) k * k;
      double qk = Math.pow(q2, ks);
      k2extra += ks * qk;
      double kspi = Math.PI * k;
      k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks * qk;
    }
    acc[2] += k2extra * PI2 * SQRT2PI / (-36 * z3);
    acc[3] += k3extra * PI2 * SQRT2PI / (216 * z6);
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += acc[i] / Math.pow(n, i / 2.0);
    }
    return sum;
  }

  private static double[][] identity(int m) {
    double[][] a = new double[m][m];
    for (int i = 0; i < m; i++) {
      a[i][i] = 1;
    }
    return a;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int m = a.length;
    double[][] c = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int l = 0; l < m; l++) {
        double ail = a[i][l];
        if (ail == 0) {
          continue;
        }
        for (int j = 0; j < m; j++) {
          c[i][j] += ail * b[l][j];
        }
      }
    }
    return c;
  }

  private static void scale(double[][] a, double f) {
    for (double[] row : a) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= f;
      }
    }
  }
}
