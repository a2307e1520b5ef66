package dev.bulwark.ml.drift;

import dev.bulwark.ml.data.TableSource;
import dev.bulwark.ml.stats.ChiSquare;
import dev.bulwark.ml.stats.Divergence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drift tests of a categorical column: one GROUP BY gives the count of every category in both tables
 * (values compared as text, missing values excluded); chi-square of that 2 x k table, Jensen–Shannon
 * and PSI over the categories.
 */
final class CategoricalColumn {
  private CategoricalColumn() {}

  static ColumnDrift analyze(Connection connection, String column, DriftRequest.Thresholds t) throws SQLException {
    String q = TableSource.quote(column);
    // missing values form the NULL group: one scan gives the categories and the missing counts
    String sql = "SELECT cat, count(*) FILTER (WHERE side = 0) AS a, count(*) FILTER (WHERE side = 1) AS b FROM ("
        + "SELECT 0 AS side, CAST(" + q + " AS VARCHAR) AS cat FROM ref"
        + " UNION ALL SELECT 1 AS side, CAST(" + q + " AS VARCHAR) AS cat FROM cur"
        + ") GROUP BY cat ORDER BY cat NULLS LAST";
    List<String> cats = new ArrayList<>();
    List<long[]> counts = new ArrayList<>();
    long miss1 = 0;
    long miss2 = 0;
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String cat = rs.getString(1);
        if (cat == null) {
          miss1 = rs.getLong(2);
          miss2 = rs.getLong(3);
        } else {
          cats.add(cat);
          counts.add(new long[] {rs.getLong(2), rs.getLong(3)});
        }
      }
    }
    long[] ref = new long[cats.size()];
    long[] cur = new long[cats.size()];
    long n1 = 0;
    long n2 = 0;
    for (int i = 0; i < cats.size(); i++) {
      ref[i] = counts.get(i)[0];
      cur[i] = counts.get(i)[1];
      n1 += ref[i];
      n2 += cur[i];
    }
    ColumnDrift.Bins bins = new ColumnDrift.Bins(cats, ref, cur, null);
    if (n1 == 0 || n2 == 0) {
      return new ColumnDrift(column, "categorical", n1, n2, miss1, miss2, null, null, null, Double.NaN, Double.NaN, null,
          false, "no values to compare", Double.NaN, Double.NaN, bins, bins);
    }
    ChiSquare.Result chi = ChiSquare.contingency(ref, cur);
    double js = Divergence.jensenShannon(ref, cur);
    double psi = Divergence.psi(ref, cur);
    String test = t.categoricalTest();
    if (test.equals("auto")) {
      test = n1 <= t.smallDataRows() ? "chisquare" : "jensenshannon";
    }
    DriftAnalysis.Decision dec = switch (test) {
      case "chisquare" -> DriftAnalysis.pValueDecision("chi-square", chi.pValue().value(), t.pValue());
      case "jensenshannon" -> DriftAnalysis.distanceDecision("jensen-shannon", js, t.jensenShannon());
      case "psi" -> DriftAnalysis.distanceDecision("psi", psi, t.psi());
      default -> throw new IllegalStateException("unknown categorical test " + test);
    };
    return new ColumnDrift(column, "categorical", n1, n2, miss1, miss2, null, null, null, js, psi, chi,
        dec.drift(), dec.method(), dec.score(), dec.threshold(), bins, topCategories(bins));
  }

  /** The categories drawn in the chart: the most frequent ones (reference + current), the rest summed as "(other)". */
  static ColumnDrift.Bins topCategories(ColumnDrift.Bins all) {
    int n = all.labels().size();
    if (n <= DriftAnalysis.MAX_CHART_CATEGORIES) {
      return all;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Long.compare(all.reference()[y] + all.current()[y], all.reference()[x] + all.current()[x]));
    int keep = DriftAnalysis.MAX_CHART_CATEGORIES - 1;
    List<String> labels = new ArrayList<>();
    long[] ref = new long[keep + 1];
    long[] cur = new long[keep + 1];
    for (int i = 0; i < n; i++) {
      int slot = Math.min(i, keep);
      if (i < keep) {
        labels.add(all.labels().get(order[i]));
      }
      ref[slot] += all.reference()[order[i]];
      cur[slot] += all.current()[order[i]];
    }
    labels.add("(other)");
    return new ColumnDrift.Bins(labels, ref, cur, null);
  }
}
