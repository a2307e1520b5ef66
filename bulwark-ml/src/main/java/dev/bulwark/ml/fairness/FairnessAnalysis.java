package dev.bulwark.ml.fairness;

import dev.bulwark.ml.data.Positivity;
import dev.bulwark.ml.data.TableSource;
import dev.bulwark.spi.UnreadableInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes per-group confusion counts with one SQL statement ({@code GROUP BY GROUPING SETS}: each
 * sensitive column alone and, with several, their intersection) and derives the metrics from them.
 * The finest grouping also feeds the bootstrap, which resamples those cell counts instead of rows.
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
    StringBuilder sql = new StringBuilder("WITH base AS (SELECT ");
    for (int i = 0; i < k; i++) {
      sql.append("COALESCE(CAST(").append(TableSource.quote(sens.get(i))).append(" AS VARCHAR), '").append(MISSING).append("') AS g").append(i).append(", ");
    }
    // No WHERE: rows with a missing label or prediction have y or p NULL and fall into no confusion
    // cell, while the grand-total set () still counts them, so one scan gives both.
    sql.append(y).append(" AS y, ").append(p).append(" AS p FROM data)\nSELECT ");
    String gcols = gList(k);
    sql.append("GROUPING(").append(gcols).append(") AS gid, ").append(gcols).append(",\n")
        .append(" SUM(CASE WHEN y AND p THEN 1 ELSE 0 END) AS tp,\n")
        .append(" SUM(CASE WHEN NOT y AND p THEN 1 ELSE 0 END) AS fp,\n")
        .append(" SUM(CASE WHEN NOT y AND NOT p THEN 1 ELSE 0 END) AS tn,\n")
        .append(" SUM(CASE WHEN y AND NOT p THEN 1 ELSE 0 END) AS fn,\n")
        .append(" count(*) AS n\n")
        .append("FROM base GROUP BY GROUPING SETS (");
    List<String> sets = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      sets.add("(g" + i + ")");
    }
    if (k > 1) {
      sets.add("(" + gcols + ")");
    }
    sets.add("()");
    sql.append(String.join(", ", sets)).append(") LIMIT ").append(FairnessRequest.MAX_GROUPS + 1);

    String intersection = String.join(FairnessRequest.INTERSECTION_SEPARATOR, sens);
    Map<String, List<GroupResult>> byAttribute = new LinkedHashMap<>();
    for (String s : sens) {
      byAttribute.put(s, new ArrayList<>());
    }
    if (k > 1) {
      byAttribute.put(intersection, new ArrayList<>());
    }
    List<Bootstrap.Cell> finest = new ArrayList<>();
    int rowsSeen = 0;
    long total = 0;
    long allBits = (1L << k) - 1;
    try (Statement st = source.connection().createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
      while (rs.next()) {
        if (++rowsSeen > FairnessRequest.MAX_GROUPS) {
          throw new UnreadableInputException(file, "more than " + FairnessRequest.MAX_GROUPS + " groups in the sensitive columns");
        }
        long gid = rs.getLong("gid");
        if (gid == allBits && k > 0 && rs.getString("g0") == null) {
          total = rs.getLong("n");
          continue;
        }
        Confusion c = new Confusion(rs.getLong("tp"), rs.getLong("fp"), rs.getLong("tn"), rs.getLong("fn"));
        String[] values = new String[k];
        for (int i = 0; i < k; i++) {
          values[i] = rs.getString("g" + i);
        }
        if (gid == 0) {
          // all columns grouped: the finest cells (with one sensitive column this is that column)
          finest.add(new Bootstrap.Cell(values, c));
          if (k > 1) {
            byAttribute.get(intersection).add(new GroupResult(intersection, String.join(FairnessRequest.INTERSECTION_SEPARATOR, values), c));
            continue;
          }
        }
        for (int i = 0; i < k; i++) {
          long bit = 1L << (k - 1 - i);
          if ((gid & bit) == 0 && Long.bitCount(gid) == k - 1) {
            byAttribute.get(sens.get(i)).add(new GroupResult(sens.get(i), values[i], c));
          }
        }
      }
    } catch (SQLException e) {
      throw new UnreadableInputException(file, "cannot aggregate: " + e.getMessage().lines().findFirst().orElse("?"), e);
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

  private static String gList(int k) {
    List<String> g = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      g.add("g" + i);
    }
    return String.join(", ", g);
  }
}
