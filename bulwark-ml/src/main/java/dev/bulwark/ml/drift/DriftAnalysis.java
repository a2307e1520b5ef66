package dev.bulwark.ml.drift;

import dev.bulwark.ml.data.Positivity;
import dev.bulwark.ml.data.TableSource;
import dev.bulwark.spi.UnreadableInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares each column of a current table with the reference. Everything that touches rows is a SQL
 * aggregate (value counts, cumulative sums over the merged value order for KS and Wasserstein,
 * {@code quantile_cont} for bin edges, CASE-binned counts); Java only sees one row per distinct value
 * at most, and computes the p-values from the aggregated statistics.
 */
public final class DriftAnalysis {
  static final int HISTOGRAM_BINS = 30;
  static final int MAX_CHART_CATEGORIES = 30;

  private DriftAnalysis() {}

  public static DriftResult run(TableSource source, DriftRequest request) throws UnreadableInputException, SQLException {
    try {
      return runOnce(source, request);
    } catch (UnreadableInputException | SQLException e) {
      if (TableSource.isTypeProblem(e) && source.detectTypesFromAllRows()) {
        return runOnce(source, request);
      }
      throw e;
    }
  }

  private static DriftResult runOnce(TableSource source, DriftRequest request) throws UnreadableInputException, SQLException {
    Map<String, String> refCols = source.register("reference_file", request.reference());
    Map<String, String> curCols = source.register("current_file", request.current());
    List<String> columns = request.columns().isEmpty()
        ? refCols.keySet().stream().filter(curCols::containsKey).filter(c -> comparableByDefault(refCols.get(c))).toList()
        : request.columns();
    for (String c : columns) {
      if (!refCols.containsKey(c)) {
        throw new UnreadableInputException(request.reference().toString(), "no column '" + c + "'");
      }
      if (!curCols.containsKey(c)) {
        throw new UnreadableInputException(request.current().toString(), "no column '" + c + "'");
      }
    }
    if (columns.isEmpty()) {
      throw new UnreadableInputException(request.current().toString(), "no column in common with " + request.reference());
    }
    for (String c : request.numeric()) {
      if (!columns.contains(c)) {
        throw new UnreadableInputException(request.reference().toString(), "--numeric column '" + c + "' is not compared");
      }
      if (!Positivity.isNumeric(refCols.get(c).toUpperCase(Locale.ROOT)) || !Positivity.isNumeric(curCols.get(c).toUpperCase(Locale.ROOT))) {
        throw new UnreadableInputException(request.reference().toString(), "column '" + c + "' is not numeric (" + refCols.get(c) + "/" + curCols.get(c) + ")");
      }
    }
    String projection = columns.stream().map(TableSource::quote).collect(Collectors.joining(", "));
    try (Statement s = source.connection().createStatement()) {
      s.execute("CREATE OR REPLACE TABLE ref AS SELECT " + projection + " FROM reference_file");
      s.execute("CREATE OR REPLACE TABLE cur AS SELECT " + projection + " FROM current_file");
    } catch (SQLException e) {
      throw new UnreadableInputException(request.reference() + " / " + request.current(), "cannot load: " + firstLine(e), e);
    }
    long refRows = source.count("ref");
    long curRows = source.count("cur");
    DriftRequest.Thresholds t = request.thresholds();
    List<ColumnDrift> results = new ArrayList<>();
    for (String c : columns) {
      boolean numericType = Positivity.isNumeric(refCols.get(c).toUpperCase(Locale.ROOT))
          && Positivity.isNumeric(curCols.get(c).toUpperCase(Locale.ROOT));
      boolean forcedNumeric = request.numeric().contains(c);
      ColumnDrift result = null;
      if (forcedNumeric || (numericType && !request.categorical().contains(c))) {
        result = NumericColumn.analyze(source, c, t, !forcedNumeric);
      }
      if (result == null) {
        result = CategoricalColumn.analyze(source, c, t);
      }
      results.add(result);
    }
    long drifted = results.stream().filter(ColumnDrift::drift).count();
    double share = (double) drifted / results.size();
    return new DriftResult(request.reference().toString(), refRows, request.current().toString(), curRows,
        results, share, share >= t.driftShare(), t);
  }

  /**
   * Dates, times, binary and nested values are left out unless named with --columns: their
   * "categories" are nearly unique per row, which a categorical test would always call drift.
   */
  static boolean comparableByDefault(String duckdbType) {
    String t = duckdbType.toUpperCase(Locale.ROOT);
    return !(t.startsWith("DATE") || t.startsWith("TIME") || t.startsWith("INTERVAL") || t.equals("BLOB")
        || t.endsWith("[]") || t.startsWith("STRUCT") || t.startsWith("MAP") || t.startsWith("UNION") || t.equals("UUID"));
  }

  static String firstLine(SQLException e) {
    String m = e.getMessage() == null ? "unknown error" : e.getMessage().strip();
    return m.lines().findFirst().orElse(m);
  }

  /** Drift decision for a p-value test. */
  static Decision pValueDecision(String test, double p, double threshold) {
    return new Decision(p < threshold, test + " p-value < " + fmt(threshold), p, threshold);
  }

  /** Drift decision for a distance. */
  static Decision distanceDecision(String test, double value, double threshold) {
    return new Decision(value >= threshold, test + " >= " + fmt(threshold), value, threshold);
  }

  record Decision(boolean drift, String method, double score, double threshold) {}

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }
}
