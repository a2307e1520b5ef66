package dev.bulwark.ml.fairness;

import java.util.SplittableRandom;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/** Multinomial draws as a chain of conditional binomial draws. */
final class Multinomial {
  private static final double INVERSION_LIMIT = 40;

  private Multinomial() {}

  static void sample(SplittableRandom random, long n, long[] weights, long[] out) {
    long remainingN = n;
    long remainingW = 0;
    for (long w : weights) {
      remainingW += w;
    }
    for (int i = 0; i < weights.length; i++) {
      if (remainingN == 0 || remainingW == 0) {
        out[i] = 0;
        continue;
      }
      if (weights[i] == remainingW) {
        out[i] = remainingN;
      } else {
        out[i] = binomial(random, remainingN, (double) weights[i] / remainingW);
      }
      remainingN -= out[i];
      remainingW -= weights[i];
    }
  }

  static long binomial(SplittableRandom random, long n, double p) {
    if (p <= 0 || n == 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(random, n, 1 - p);
    }
    double u = random.nextDouble();
    if (n * p < INVERSION_LIMIT) {
      // inversion walking the pmf from 0: O(np) steps
      double q = 1 - p;
      double pmf = Math.exp(n * Math.log1p(-p));
      double cdf = pmf;
      long k = 0;
      while (u > cdf && k < n) {
        pmf *= (double) (n - k) / (k + 1) * p / q;
        k++;
        cdf += pmf;
        if (pmf == 0 && cdf < u) {
          break;
        }
      }
      return k;
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bootstrap supports at most " + Integer.MAX_VALUE + " rows, got " + n);
    }
    return new BinomialDistribution((int) n, p).inverseCumulativeProbability(u);
  }
}
