package dev.bulwark.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ml.stats.ChiSquare;
import dev.bulwark.ml.stats.KolmogorovDistribution;
import dev.bulwark.ml.stats.KolmogorovSmirnov;
import dev.bulwark.ml.stats.PValue;
import dev.bulwark.ml.stats.Smirnov;
import org.junit.jupiter.api.Test;

class DistributionsReferenceTest {

  @Test
  void kolmogorovSurvivalMatchesScipyKstwoOnEveryBranch() {
    for (JsonNode row : Reference.expected().at("/distributions/kstwo")) {
      long n = row.get("n").asLong();
      double x = row.get("x").asDouble();
      PValue p = KolmogorovDistribution.sf(n, x);
      Reference.assertPValue("kstwo.sf(" + x + ", " + n + ")", p.value(), row.get("sf").asDouble());
    }
  }

  @Test
  void smirnovSurvivalMatchesScipy() {
    for (JsonNode row : Reference.expected().at("/distributions/smirnov")) {
      long n = row.get("n").asLong();
      double x = row.get("x").asDouble();
      double expected = row.get("sf").asDouble();
      double actual = Math.exp(Smirnov.logSf(n, x));
      Reference.assertPValue("smirnov(" + n + ", " + x + ")", actual, expected);
    }
  }

  @Test
  void chiSquareTailMatchesScipyIncludingFarTail() {
    int farTail = 0;
    for (JsonNode row : Reference.expected().at("/distributions/chi2")) {
      double expected = row.get("sf").asDouble();
      PValue p = ChiSquare.upperTail(row.get("x").asDouble(), row.get("dof").asDouble());
      Reference.assertPValue("chi2.sf(" + row.get("x") + ", " + row.get("dof") + ")", p.value(), expected);
      if (expected > 0 && expected < 1e-80) {
        farTail++;
      }
    }
    assertThat(farTail).isGreaterThan(3);
  }

  @Test
  void twoSampleKsPValueMatchesScipyExactAndAsymptotic() {
    for (JsonNode row : Reference.expected().at("/distributions/ks2samp")) {
      KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(row.get("n1").asLong(), row.get("n2").asLong(), row.get("statistic").asDouble());
      Reference.assertStatistic("statistic " + row, r.statistic(), row.get("statistic").asDouble());
      Reference.assertPValue("ks_2samp " + row, r.pValue().value(), row.get("pValue").asDouble());
    }
  }

  @Test
  void farTailBeyondScipyStaysPositiveAndNearTheAsymptote() {
    // scipy's kstwo.sf returns exactly 0 for n x^2 >= 370; the exact Smirnov tail continues.
    long n = 6667;
    double x = Math.sqrt(371.0 / n);
    PValue p = KolmogorovDistribution.sf(n, x);
    assertThat(p.value()).isLessThan(1e-300);
    assertThat(p.ln()).isBetween(-2 * 371.0 - 10, -2 * 371.0 + 10);
    // the smirnov branch just below the cutoff agrees with the exact tail computed independently
    PValue q = KolmogorovDistribution.sf(n, Math.sqrt(150.0 / n));
    assertThat(q.value()).isGreaterThan(1e-140).isLessThan(1e-125);
    // below the double range: only the logarithm survives, and it is finite
    PValue tiny = KolmogorovDistribution.sf(100000, 0.3);
    assertThat(tiny.value()).isZero();
    assertThat(tiny.log10()).isFinite().isLessThan(-3000);
    PValue chi = ChiSquare.upperTail(5000, 3);
    assertThat(chi.value()).isZero();
    assertThat(chi.log10()).isBetween(-1090.0, -1080.0);
  }

  @Test
  void chiSquareOfOneDegreeOfFreedomUsesYates() {
    // 2x2 table [[10, 20], [30, 5]]: scipy.stats.chi2_contingency gives 16.57848214285714 (Yates)
    ChiSquare.Result r = ChiSquare.contingency(new long[] {10, 20}, new long[] {30, 5});
    assertThat(r.dof()).isEqualTo(1);
    Reference.assertStatistic("yates", r.statistic(), 16.57848214285714);
  }
}
