package dev.bulwark.ml.drift;

import dev.bulwark.ml.data.TableSource;
import dev.bulwark.ml.stats.Divergence;
import dev.bulwark.ml.stats.KolmogorovSmirnov;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Drift tests of a numeric column. Non-finite values (NaN, infinities) count as missing.
 *
 * <p>KS and Wasserstein-1 come from one statement: value counts of both tables merged in value order,
 * running sums give both empirical CDFs at every distinct value; the KS statistic is the largest CDF
 * gap (computed as c1/n1 - c2/n2 in double, like scipy), Wasserstein-1 the sum of CDF gaps times the
 * distance to the next value. PSI and Jensen–Shannon use 10 bins bounded by the reference's deciles
 * ({@code quantile_cont}, linear interpolation as numpy's default), the outer bins open-ended, each bin
 * right-closed (lo, hi]; duplicate edges are merged.
 */
final class NumericColumn {
  private NumericColumn() {}

  /**
   * @param inferred true when the type was inferred: then a column with at most
   *     {@code t.maxCategoricalValues()} distinct reference values is not analysed here (null returned)
   */
  static ColumnDrift analyze(TableSource source, String column, DriftRequest.Thresholds t, boolean inferred) throws SQLException {
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
    double[] deciles;
    try (Statement s = source.connection().createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(v), count(*) - count(v), stddev_pop(v), min(v), max(v), "
          + "quantile_cont(v, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) FROM " + refV)) {
        rs.next();
        n1 = rs.getLong(1);
        miss1 = rs.getLong(2);
        std = rs.getDouble(3);
        min = rs.getDouble(4);
        max = rs.getDouble(5);
        Object[] q = rs.getArray(6) == null ? new Object[0] : (Object[]) rs.getArray(6).getArray();
        deciles = new double[q.length];
        for (int i = 0; i < q.length; i++) {
          deciles[i] = ((Number) q[i]).doubleValue();
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT count(v), count(*) - count(v), min(v), max(v) FROM " + curV)) {
        rs.next();
        n2 = rs.getLong(1);
        miss2 = rs.getLong(2);
        if (n2 > 0) {
          min = n1 > 0 ? Math.min(min, rs.getDouble(3)) : rs.getDouble(3);
          max = n1 > 0 ? Math.max(max, rs.getDouble(4)) : rs.getDouble(4);
        }
      }
      if (n1 == 0 || n2 == 0) {
        return new ColumnDrift(column, "numeric", n1, n2, miss1, miss2, null, null, null, Double.NaN, Double.NaN, null,
            false, "no values to compare", Double.NaN, Double.NaN, null, null);
      }
      double dPlus;
      double dMinus;
      double wasserstein;
      String ksSql = "WITH a AS (SELECT v, count(*) AS c FROM " + refV + " WHERE v IS NOT NULL GROUP BY v),\n"
          + " b AS (SELECT v, count(*) AS c FROM " + curV + " WHERE v IS NOT NULL GROUP BY v),\n"
          + " j AS (SELECT coalesce(a.v, b.v) AS v, coalesce(a.c, 0) AS ca, coalesce(b.c, 0) AS cb FROM a FULL OUTER JOIN b ON a.v = b.v),\n"
          + " w AS (SELECT v, lead(v) OVER (ORDER BY v) AS nv,\n"
          + "   CAST(sum(ca) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) / " + n1 + " AS f1,\n"
          + "   CAST(sum(cb) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) / " + n2 + " AS f2 FROM j)\n"
          + "SELECT max(f1 - f2), max(f2 - f1), sum(CASE WHEN nv IS NULL THEN 0 ELSE (nv - v) * abs(f1 - f2) END),"
          + " count(*) FILTER (WHERE f1 > lag1) FROM (SELECT *, coalesce(lag(f1) OVER (ORDER BY v), 0) AS lag1 FROM w)";
      try (ResultSet rs = s.executeQuery(ksSql)) {
        rs.next();
        dPlus = rs.getDouble(1);
        dMinus = rs.getDouble(2);
        wasserstein = rs.getDouble(3);
        if (inferred && rs.getLong(4) <= t.maxCategoricalValues()) {
          return null;
        }
      }
      double d = Math.max(Math.max(dPlus, 0), Math.min(Math.max(dMinus, 0), 1));
      KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(n1, n2, d);

      double[] edges = new TreeSet<Double>(java.util.Arrays.stream(deciles).boxed().toList()).stream().mapToDouble(x -> x).toArray();
      ColumnDrift.Bins[] both = binCounts(s, refV, curV, edges, min, max);
      ColumnDrift.Bins bins = both[0];
      ColumnDrift.Bins histogram = both[1];
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

  /** Decile-bin counts (for PSI and Jensen–Shannon) and equal-width histogram counts (for the chart), one scan. */
  private static ColumnDrift.Bins[] binCounts(Statement s, String refV, String curV, double[] edges, double min, double max)
      throws SQLException {
    StringBuilder bin = new StringBuilder("CASE");
    for (int i = 0; i < edges.length; i++) {
      bin.append(" WHEN v <= CAST('").append(edges[i]).append("' AS DOUBLE) THEN ").append(i);
    }
    bin.append(" ELSE ").append(edges.length).append(" END");
    int k = max > min ? DriftAnalysis.HISTOGRAM_BINS : 1;
    double width = max > min ? (max - min) / k : 1;
    String hist = max > min
        ? "least(" + (k - 1) + ", CAST(floor((v - CAST('" + min + "' AS DOUBLE)) / CAST('" + width + "' AS DOUBLE)) AS INTEGER))"
        : "0";
    long[] ref = new long[edges.length + 1];
    long[] cur = new long[edges.length + 1];
    long[] hRef = new long[k];
    long[] hCur = new long[k];
    String sql = "SELECT side, " + bin + " AS b, " + hist + " AS h, count(*) FROM ("
        + "SELECT 0 AS side, v FROM " + refV + " UNION ALL SELECT 1 AS side, v FROM " + curV + ") WHERE v IS NOT NULL GROUP BY ALL";
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        boolean reference = rs.getInt(1) == 0;
        long n = rs.getLong(4);
        (reference ? ref : cur)[rs.getInt(2)] += n;
        (reference ? hRef : hCur)[Math.max(0, Math.min(k - 1, rs.getInt(3)))] += n;
      }
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i <= edges.length; i++) {
      String lo = i == 0 ? "-inf" : num(edges[i - 1]);
      String hi = i == edges.length ? "inf" : num(edges[i]);
      labels.add("(" + lo + ", " + hi + "]");
    }
    double[] hEdges = new double[k + 1];
    List<String> hLabels = new ArrayList<>();
    for (int i = 0; i <= k; i++) {
      hEdges[i] = min + width * i;
      if (i < k) {
        hLabels.add(num(hEdges[i]));
      }
    }
    return new ColumnDrift.Bins[] {new ColumnDrift.Bins(labels, ref, cur, edges), new ColumnDrift.Bins(hLabels, hRef, hCur, hEdges)};
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
