package dev.bulwark.ml.drift;

import dev.bulwark.ml.data.Positivity;
import dev.bulwark.ml.data.TableSource;
import dev.bulwark.spi.UnreadableInputException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
  /** A bound on the work a file can ask for: each compared column costs one or two statements. */
  public static final int MAX_COLUMNS = 5_000;

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
    if (columns.size() > MAX_COLUMNS) {
      throw new UnreadableInputException(request.reference().toString(), columns.size() + " columns to compare, more than "
          + MAX_COLUMNS + " (one statement each); name the ones to compare with --columns");
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
    List<ColumnDrift> results = analyzeColumns(source, columns, column -> {
      boolean numericType = Positivity.isNumeric(refCols.get(column).toUpperCase(Locale.ROOT))
          && Positivity.isNumeric(curCols.get(column).toUpperCase(Locale.ROOT));
      boolean forcedNumeric = request.numeric().contains(column);
      return (connection) -> {
        ColumnDrift result = null;
        if (forcedNumeric || (numericType && !request.categorical().contains(column))) {
          result = NumericColumn.analyze(connection, column, t, !forcedNumeric);
        }
        return result != null ? result : CategoricalColumn.analyze(connection, column, t);
      };
    });
    long drifted = results.stream().filter(ColumnDrift::drift).count();
    double share = (double) drifted / results.size();
    return new DriftResult(request.reference().toString(), refRows, request.current().toString(), curRows,
        results, share, share >= t.driftShare(), t);
  }

  interface ColumnTask {
    ColumnDrift run(Connection connection) throws SQLException;
  }

  /**
   * Runs the columns' statements on {@link TableSource#parallelism()} connections at once, in column
   * order per worker; DuckDB parallelises inside each statement too, but a column's statements have
   * serial stretches (planning, the final window pass, Java's p-values) that another column fills.
   */
  private static List<ColumnDrift> analyzeColumns(TableSource source, List<String> columns,
      java.util.function.Function<String, ColumnTask> taskOf) throws SQLException {
    ColumnDrift[] results = new ColumnDrift[columns.size()];
    int workers = Math.max(1, Math.min(source.parallelism(), columns.size()));
    AtomicInteger next = new AtomicInteger();
    List<Connection> connections = new ArrayList<>();
    try {
      connections.add(source.connection());
      while (connections.size() < workers) {
        connections.add(source.newConnection());
      }
      List<Callable<Void>> jobs = new ArrayList<>();
      for (Connection connection : connections) {
        jobs.add(() -> {
          for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
            results[i] = taskOf.apply(columns.get(i)).run(connection);
          }
          return null;
        });
      }
      runAll(jobs);
    } finally {
      for (Connection c : connections.subList(Math.min(1, connections.size()), connections.size())) {
        try {
          c.close();
        } catch (SQLException e) {
          // a duplicate connection holds no state of its own
        }
      }
    }
    return List.of(results);
  }

  private static void runAll(List<Callable<Void>> jobs) throws SQLException {
    if (jobs.size() == 1) {
      try {
        jobs.get(0).call();
        return;
      } catch (SQLException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(jobs.size(), r -> {
      Thread th = new Thread(r, "bulwark-drift");
      th.setDaemon(true);
      return th;
    });
    try {
      for (Future<Void> f : pool.invokeAll(jobs)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
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
