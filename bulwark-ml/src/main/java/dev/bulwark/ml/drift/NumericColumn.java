package dev.bulwark.ml.drift;

import dev.bulwark.ml.data.TableSource;
import dev.bulwark.ml.stats.Divergence;
import dev.bulwark.ml.stats.KolmogorovSmirnov;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Drift tests of a numeric column. Non-finite values (NaN, infinities) count as missing.
 *
 * <p>KS and Wasserstein-1 come from one statement: value counts of both tables merged in value order,
 * running sums give both empirical CDFs at every distinct value; the KS statistic is the largest CDF
 * gap (computed as c1/n1 - c2/n2 in double, like scipy), Wasserstein-1 the sum of CDF gaps times the
 * distance to the next value. PSI and Jensen–Shannon use 10 bins bounded by the reference's deciles
 * (linear interpolation exactly as numpy's default), the outer bins open-ended, each bin
 * right-closed (lo, hi]; duplicate edges are merged.
 */
final class NumericColumn {
  private static final int DECILES = 9;

  private NumericColumn() {}

  /**
   * @param inferred true when the type was inferred: then a column with at most
   *     {@code t.maxCategoricalValues()} distinct reference values is not analysed here (null returned)
   */
  static ColumnDrift analyze(Connection connection, String column, DriftRequest.Thresholds t, boolean inferred) throws SQLException {
    String v = "CASE WHEN isfinite(CAST(" + TableSource.quote(column) + " AS DOUBLE)) THEN CAST(" + TableSource.quote(column) + " AS DOUBLE) END";
    String refV = "(SELECT " + v + " AS v FROM ref)";
    String curV = "(SELECT " + v + " AS v FROM cur)";
    long n1;
    long n2;
    long miss1;
    long miss2;
    double std;
    double min;
    double max;
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT * FROM (SELECT count(v), count(*) - count(v), stddev_pop(v), min(v), max(v) FROM " + refV
          + "), (SELECT count(v), count(*) - count(v), min(v), max(v) FROM " + curV + ")")) {
        rs.next();
        n1 = rs.getLong(1);
        miss1 = rs.getLong(2);
        std = rs.getDouble(3);
        min = rs.getDouble(4);
        max = rs.getDouble(5);
        n2 = rs.getLong(6);
        miss2 = rs.getLong(7);
        if (n2 > 0) {
          min = n1 > 0 ? Math.min(min, rs.getDouble(8)) : rs.getDouble(8);
          max = n1 > 0 ? Math.max(max, rs.getDouble(9)) : rs.getDouble(9);
        }
      }
      if (n1 == 0 || n2 == 0) {
        return new ColumnDrift(column, "numeric", n1, n2, miss1, miss2, null, null, null, Double.NaN, Double.NaN, null,
            false, "no values to compare", Double.NaN, Double.NaN, null, null);
      }
      Histogram h = new Histogram(min, max);
      double[] deciles = new double[DECILES];
      long[] rawRef = new long[DECILES + 1];
      long[] rawCur = new long[DECILES + 1];
      long[] hRef = new long[h.bins];
      long[] hCur = new long[h.bins];
      double dPlus = 0;
      double dMinus = 0;
      double wasserstein = 0;
      long distinctReference = 0;
      try (ResultSet rs = s.executeQuery(comparison(refV, curV, n1, n2, h.expression()))) {
        while (rs.next()) {
          int b = rs.getInt(1);
          if (b < 0) {
            dPlus = rs.getDouble(3);
            dMinus = rs.getDouble(4);
            wasserstein = rs.getDouble(5);
            distinctReference = rs.getLong(6);
            Object[] q = (Object[]) rs.getArray(7).getArray();
            for (int i = 0; i < DECILES; i++) {
              deciles[i] = ((Number) q[i]).doubleValue();
            }
            continue;
          }
          int hb = Math.max(0, Math.min(h.bins - 1, rs.getInt(2)));
          long a = (long) rs.getDouble(3);
          long c = (long) rs.getDouble(4);
          rawRef[b] += a;
          rawCur[b] += c;
          hRef[hb] += a;
          hCur[hb] += c;
        }
      }
      if (inferred && distinctReference <= t.maxCategoricalValues()) {
        return null;
      }
      double d = Math.max(Math.max(dPlus, 0), Math.min(Math.max(dMinus, 0), 1));
      KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(n1, n2, d);

      ColumnDrift.Bins bins = decileBins(deciles, rawRef, rawCur);
      ColumnDrift.Bins histogram = h.bins(hRef, hCur);
      double js = Divergence.jensenShannon(bins.reference(), bins.current());
      double psi = Divergence.psi(bins.reference(), bins.current());
      double normed = wasserstein / Math.max(std, 0.001);

      String test = t.numericTest();
      if (test.equals("auto")) {
        test = n1 <= t.smallDataRows() ? "ks" : "wasserstein";
      }
      DriftAnalysis.Decision dec = switch (test) {
        case "ks" -> DriftAnalysis.pValueDecision("ks", ks.pValue().value(), t.pValue());
        case "wasserstein" -> DriftAnalysis.distanceDecision("wasserstein (normed)", normed, t.wasserstein());
        case "jensenshannon" -> DriftAnalysis.distanceDecision("jensen-shannon", js, t.jensenShannon());
        case "psi" -> DriftAnalysis.distanceDecision("psi", psi, t.psi());
        default -> throw new IllegalStateException("unknown numeric test " + test);
      };
      return new ColumnDrift(column, "numeric", n1, n2, miss1, miss2, ks, wasserstein, normed, js, psi, null,
          dec.drift(), dec.method(), dec.score(), dec.threshold(), bins, histogram);
    }
  }

  /**
   * One statement over the value counts of both tables ({@code j}: one GROUP BY over their union,
   * one row per distinct value) and their running sums in value order ({@code w}); {@code j} is
   * materialized once. It returns one row with b = -1 holding max(F1 - F2), max(F2 - F1),
   * Wasserstein-1, the number of distinct reference values and the reference deciles, then one row
   * per (decile bin, histogram bin) with the counts of both tables. The deciles come from the running
   * sums exactly as numpy's default ("linear") quantile computes them: at position h = (n - 1) q
   * the values at floor(h) and ceil(h), interpolated as numpy does ({@code quantile_cont} interpolates
   * as lo (1 - t) + hi t, which can move an edge off a repeated value by an ulp and so a value into
   * the next bin). Binning the distinct values instead of the rows gives the same counts at a
   * fraction of the work.
   */
  private static String comparison(String refV, String curV, long n1, long n2, String hist) {
    StringBuilder deciles = new StringBuilder();
    StringBuilder bin = new StringBuilder();
    for (int i = 1; i <= DECILES; i++) {
      double h = (double) (n1 - 1) * (i / 10.0);
      long lo = (long) Math.floor(h);
      long hi = (long) Math.ceil(h);
      String xlo = "min(v) FILTER (WHERE s1 > " + lo + ")";
      String xhi = "min(v) FILTER (WHERE s1 > " + hi + ")";
      double t = h - lo;
      // numpy's _lerp: a + (b - a) t below one half, b - (b - a)(1 - t) from there, so an edge
      // between two equal values is that value exactly
      deciles.append(", ").append(t < 0.5
          ? xlo + " + (" + xhi + " - " + xlo + ") * CAST('" + t + "' AS DOUBLE)"
          : xhi + " - (" + xhi + " - " + xlo + ") * CAST('" + (1 - t) + "' AS DOUBLE)").append(" AS q").append(i);
      bin.append(i > 1 ? " + " : "").append("CAST(v > k.q").append(i).append(" AS INTEGER)");
    }
    String qList = IntStream.rangeClosed(1, DECILES).mapToObj(i -> "q" + i).collect(Collectors.joining(", ", "[", "]"));
    return "WITH j AS MATERIALIZED (SELECT v, count(*) FILTER (WHERE side = 0) AS ca, count(*) FILTER (WHERE side = 1) AS cb"
        + " FROM (SELECT 0 AS side, v FROM " + refV + " UNION ALL SELECT 1 AS side, v FROM " + curV + ") WHERE v IS NOT NULL GROUP BY v),\n"
        + " w AS (SELECT v, ca, lead(v) OVER o AS nv, sum(ca) OVER o AS s1,"
        + " CAST(sum(ca) OVER o AS DOUBLE) / " + n1 + " AS f1, CAST(sum(cb) OVER o AS DOUBLE) / " + n2 + " AS f2"
        + " FROM j WINDOW o AS (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)),\n"
        + " k AS (SELECT max(f1 - f2) AS dp, max(f2 - f1) AS dm, sum(CASE WHEN nv IS NULL THEN 0 ELSE (nv - v) * abs(f1 - f2) END) AS wd,"
        + " CAST(count(*) FILTER (WHERE ca > 0) AS DOUBLE) AS nd" + deciles + " FROM w)\n"
        + "SELECT -1 AS b, -1 AS h, dp, dm, wd, nd, " + qList + " FROM k\n"
        + "UNION ALL SELECT " + bin + " AS b, " + hist + " AS h, CAST(sum(ca) AS DOUBLE), CAST(sum(cb) AS DOUBLE),"
        + " NULL, NULL, NULL FROM j, k GROUP BY ALL";
  }

  /**
   * The decile bins with equal deciles merged: SQL counted each value in bin "number of deciles
   * below it", which maps onto "number of distinct deciles below it".
   */
  private static ColumnDrift.Bins decileBins(double[] deciles, long[] rawRef, long[] rawCur) {
    double[] edges = new TreeSet<Double>(java.util.Arrays.stream(deciles).boxed().toList()).stream().mapToDouble(x -> x).toArray();
    long[] ref = new long[edges.length + 1];
    long[] cur = new long[edges.length + 1];
    for (int raw = 0; raw <= deciles.length; raw++) {
      int bin = raw == 0 ? 0 : (int) java.util.Arrays.stream(deciles, 0, raw).distinct().count();
      ref[bin] += rawRef[raw];
      cur[bin] += rawCur[raw];
    }
    return new ColumnDrift.Bins(binLabels(edges), ref, cur, edges);
  }

  private static List<String> binLabels(double[] edges) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i <= edges.length; i++) {
      String lo = i == 0 ? "-inf" : num(edges[i - 1]);
      String hi = i == edges.length ? "inf" : num(edges[i]);
      labels.add("(" + lo + ", " + hi + "]");
    }
    return labels;
  }

  /** Equal-width bins between the smallest and largest value of both tables, for the chart. */
  private static final class Histogram {
    final int bins;
    final double min;
    final double width;

    Histogram(double min, double max) {
      this.bins = max > min ? DriftAnalysis.HISTOGRAM_BINS : 1;
      this.min = min;
      this.width = max > min ? (max - min) / bins : 1;
    }

    String expression() {
      return bins > 1
          ? "least(" + (bins - 1) + ", CAST(floor((v - CAST('" + min + "' AS DOUBLE)) / CAST('" + width + "' AS DOUBLE)) AS INTEGER))"
          : "0";
    }

    ColumnDrift.Bins bins(long[] ref, long[] cur) {
      double[] edges = new double[bins + 1];
      List<String> labels = new ArrayList<>();
      for (int i = 0; i <= bins; i++) {
        edges[i] = min + width * i;
        if (i < bins) {
          labels.add(num(edges[i]));
        }
      }
      return new ColumnDrift.Bins(labels, ref, cur, edges);
    }
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
