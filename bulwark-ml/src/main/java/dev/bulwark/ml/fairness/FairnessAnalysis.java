package dev.bulwark.ml.fairness;

import dev.bulwark.ml.data.Positivity;
import dev.bulwark.ml.data.TableSource;
import dev.bulwark.spi.UnreadableInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes per-group confusion counts with one SQL statement, one scan: a single GROUP BY over the
 * sensitive columns, the label outcome and the prediction outcome (at most a few hundred rows come
 * back); each sensitive column's groups and their intersection are sums of those cells in Java, which
 * costs far less than grouping sets (one hash table per set over every row). The finest cells also
 * feed the bootstrap, which resamples those cell counts instead of rows.
 */
public final class FairnessAnalysis {
  static final String MISSING = "(missing)";

  private FairnessAnalysis() {}

  public static FairnessResult run(TableSource source, FairnessRequest request) throws UnreadableInputException, SQLException {
    try {
      return runOnce(source, request);
    } catch (UnreadableInputException | SQLException e) {
      if (TableSource.isTypeProblem(e) && source.detectTypesFromAllRows()) {
        return runOnce(source, request);
      }
      throw e;
    }
  }

  private static FairnessResult runOnce(TableSource source, FairnessRequest request) throws UnreadableInputException, SQLException {
    String file = request.data().toString();
    Map<String, String> columns = source.register("data", request.data());
    for (String c : allColumns(request)) {
      if (!columns.containsKey(c)) {
        throw new UnreadableInputException(file, "no column '" + c + "' (columns: " + String.join(", ", columns.keySet()) + ")");
      }
    }
    String y;
    String p;
    try {
      y = Positivity.predicate(request.label(), columns.get(request.label()), request.positiveLabels());
      p = request.threshold() != null
          ? Positivity.threshold(request.prediction(), columns.get(request.prediction()), request.threshold())
          : Positivity.predicate(request.prediction(), columns.get(request.prediction()),
              request.predictionPositive().isEmpty() ? request.positiveLabels() : request.predictionPositive());
    } catch (IllegalArgumentException e) {
      throw new UnreadableInputException(file, e.getMessage());
    }
    List<String> sens = request.sensitive();
    int k = sens.size();
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < k; i++) {
      sql.append("COALESCE(CAST(").append(TableSource.quote(sens.get(i))).append(" AS VARCHAR), '").append(MISSING).append("') AS g").append(i).append(", ");
    }
    // Rows with a missing label or prediction have y or p NULL: they count in the total and in no
    // confusion cell, but their group still exists.
    sql.append(y).append(" AS y, ").append(p).append(" AS p, count(*) AS n FROM data GROUP BY ALL LIMIT ")
        .append(9L * (FairnessRequest.MAX_GROUPS + 1));

    Map<List<String>, long[]> cells = new HashMap<>();
    try (Statement st = source.connection().createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
      while (rs.next()) {
        String[] values = new String[k];
        for (int i = 0; i < k; i++) {
          values[i] = rs.getString(i + 1);
        }
        long[] c = cells.computeIfAbsent(List.of(values), v -> new long[5]);
        boolean yNull = rs.getObject(k + 1) == null;
        boolean yes = !yNull && rs.getBoolean(k + 1);
        boolean pNull = rs.getObject(k + 2) == null;
        boolean pos = !pNull && rs.getBoolean(k + 2);
        long n = rs.getLong(k + 3);
        c[4] += n;
        if (!yNull && !pNull) {
          c[yes ? (pos ? 0 : 3) : (pos ? 1 : 2)] += n;
        }
      }
    } catch (SQLException e) {
      throw new UnreadableInputException(file, "cannot aggregate: " + e.getMessage().lines().findFirst().orElse("?"), e);
    }
    String intersection = String.join(FairnessRequest.INTERSECTION_SEPARATOR, sens);
    List<Map<String, Confusion>> marginals = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      marginals.add(new HashMap<>());
    }
    List<Bootstrap.Cell> finest = new ArrayList<>();
    long total = 0;
    for (Map.Entry<List<String>, long[]> e : cells.entrySet()) {
      long[] c = e.getValue();
      Confusion counts = new Confusion(c[0], c[1], c[2], c[3]);
      String[] values = e.getKey().toArray(String[]::new);
      finest.add(new Bootstrap.Cell(values, counts));
      total += c[4];
      for (int i = 0; i < k; i++) {
        marginals.get(i).merge(values[i], counts, Confusion::plus);
      }
    }
    // as many groups as the per-attribute and intersection tables plus the grand total have rows
    long groupRows = 1 + marginals.stream().mapToLong(Map::size).sum() + (k > 1 ? cells.size() : 0);
    if (groupRows > FairnessRequest.MAX_GROUPS) {
      throw new UnreadableInputException(file, "more than " + FairnessRequest.MAX_GROUPS + " groups in the sensitive columns");
    }
    Map<String, List<GroupResult>> byAttribute = new LinkedHashMap<>();
    for (int i = 0; i < k; i++) {
      String attribute = sens.get(i);
      byAttribute.put(attribute, new ArrayList<>());
      marginals.get(i).forEach((value, c) -> byAttribute.get(attribute).add(new GroupResult(attribute, value, c)));
    }
    if (k > 1) {
      List<GroupResult> list = new ArrayList<>();
      for (Bootstrap.Cell c : finest) {
        list.add(new GroupResult(intersection, String.join(FairnessRequest.INTERSECTION_SEPARATOR, c.values()), c.counts()));
      }
      byAttribute.put(intersection, list);
    }
    List<GroupResult> groups = new ArrayList<>();
    Map<String, AttributeMetrics> metrics = new LinkedHashMap<>();
    for (Map.Entry<String, List<GroupResult>> e : byAttribute.entrySet()) {
      List<GroupResult> list = e.getValue();
      list.sort(java.util.Comparator.comparing(GroupResult::group));
      groups.addAll(list);
      String ref = request.referenceGroups().get(e.getKey());
      if (ref != null && list.stream().noneMatch(g -> g.group().equals(ref))) {
        throw new UnreadableInputException(file, "reference group '" + ref + "' does not occur in column " + e.getKey());
      }
      metrics.put(e.getKey(), AttributeMetrics.of(e.getKey(), list, ref));
    }
    // DuckDB returns groups in no fixed order; the bootstrap's draw sequence must not depend on it.
    finest.sort((c1, c2) -> java.util.Arrays.compare(c1.values(), c2.values()));
    long used = finest.stream().mapToLong(c -> c.counts().count()).sum();
    if ((long) finest.size() * request.bootstrap() > Bootstrap.MAX_WORK) {
      throw new UnreadableInputException(file, finest.size() + " group combinations are too many for " + request.bootstrap()
          + " bootstrap resamples (at most " + Bootstrap.MAX_WORK + " combinations x resamples); lower --bootstrap");
    }
    Bootstrap.Intervals intervals = request.bootstrap() > 0
        ? Bootstrap.run(finest, sens, metrics, request.bootstrap(), request.seed(), request.confidence())
        : null;
    return new FairnessResult(file, total, total - used, List.copyOf(byAttribute.keySet()), groups, metrics, intervals);
  }

  private static List<String> allColumns(FairnessRequest r) {
    List<String> all = new ArrayList<>(r.sensitive());
    all.add(r.label());
    all.add(r.prediction());
    return all;
  }
}
