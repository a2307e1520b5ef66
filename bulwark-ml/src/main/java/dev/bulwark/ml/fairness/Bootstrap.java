package dev.bulwark.ml.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals. Resampling n rows with replacement is the same, in
 * distribution, as drawing the finest cell counts (sensitive values x label x prediction) from a
 * multinomial with the observed cell shares, so each resample costs O(cells), not O(rows). The draws
 * are conditional binomials from a seeded generator: the same seed gives the same intervals.
 */
public final class Bootstrap {
  /** Per-group rates that get intervals (the bars in the charts). */
  public static final List<String> GROUP_RATES = List.of("selectionRate", "tpr", "fpr", "fnr", "ppv", "accuracy");

  /** Upper bound on group combinations x resamples, so a hostile high-cardinality column cannot stall the audit. */
  public static final long MAX_WORK = 5_000_000;

  public record Cell(String[] values, Confusion counts) {}

  public record Interval(double low, double high) {}

  public record Intervals(int resamples, long seed, double confidence,
      Map<String, Map<String, Interval>> metrics,
      Map<String, Map<String, Map<String, Interval>>> groups) {}

  private Bootstrap() {}

  static Intervals run(List<Cell> cells, List<String> sensitive, Map<String, AttributeMetrics> point,
      int resamples, long seed, double confidence) {
    int c = cells.size();
    long[] observed = new long[4 * c];
    long n = 0;
    for (int i = 0; i < c; i++) {
      Confusion k = cells.get(i).counts();
      observed[4 * i] = k.tp();
      observed[4 * i + 1] = k.fp();
      observed[4 * i + 2] = k.tn();
      observed[4 * i + 3] = k.fn();
      n += k.count();
    }
    List<String> attributes = new ArrayList<>(point.keySet());
    Map<String, Map<String, List<Double>>> metricDraws = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, List<Double>>>> groupDraws = new LinkedHashMap<>();
    SplittableRandom random = new SplittableRandom(seed);
    long[] draw = new long[observed.length];
    for (int r = 0; r < resamples; r++) {
      Multinomial.sample(random, n, observed, draw);
      for (int a = 0; a < attributes.size(); a++) {
        String attribute = attributes.get(a);
        Map<String, Confusion> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < c; i++) {
          String group = a < sensitive.size() ? cells.get(i).values()[a]
              : String.join(FairnessRequest.INTERSECTION_SEPARATOR, cells.get(i).values());
          Confusion k = new Confusion(draw[4 * i], draw[4 * i + 1], draw[4 * i + 2], draw[4 * i + 3]);
          byGroup.merge(group, k, Confusion::plus);
        }
        List<GroupResult> groups = new ArrayList<>();
        byGroup.forEach((g, k) -> groups.add(new GroupResult(attribute, g, k)));
        AttributeMetrics m = AttributeMetrics.of(attribute, groups, point.get(attribute).referenceGroup());
        for (String name : AttributeMetrics.NAMES) {
          metricDraws.computeIfAbsent(attribute, x -> new LinkedHashMap<>()).computeIfAbsent(name, x -> new ArrayList<>()).add(m.get(name));
        }
        for (GroupResult g : groups) {
          Map<String, List<Double>> rates = groupDraws.computeIfAbsent(attribute, x -> new LinkedHashMap<>())
              .computeIfAbsent(g.group(), x -> new LinkedHashMap<>());
          for (String rate : GROUP_RATES) {
            rates.computeIfAbsent(rate, x -> new ArrayList<>()).add(rate(g.counts(), rate));
          }
        }
      }
    }
    double lo = (1 - confidence) / 2 * 100;
    double hi = 100 - lo;
    Map<String, Map<String, Interval>> metrics = new LinkedHashMap<>();
    metricDraws.forEach((a, byName) -> byName.forEach((name, v) ->
        metrics.computeIfAbsent(a, x -> new LinkedHashMap<>()).put(name, new Interval(percentile(v, lo), percentile(v, hi)))));
    Map<String, Map<String, Map<String, Interval>>> groups = new LinkedHashMap<>();
    groupDraws.forEach((a, byGroup) -> byGroup.forEach((g, byRate) -> byRate.forEach((rate, v) ->
        groups.computeIfAbsent(a, x -> new LinkedHashMap<>()).computeIfAbsent(g, x -> new LinkedHashMap<>())
            .put(rate, new Interval(percentile(v, lo), percentile(v, hi))))));
    return new Intervals(resamples, seed, confidence, metrics, groups);
  }

  public static double rate(Confusion c, String name) {
    return switch (name) {
      case "selectionRate" -> c.selectionRate();
      case "tpr" -> c.tpr();
      case "fpr" -> c.fpr();
      case "fnr" -> c.fnr();
      case "tnr" -> c.tnr();
      case "ppv" -> c.ppv();
      case "npv" -> c.npv();
      case "accuracy" -> c.accuracy();
      default -> throw new IllegalArgumentException("unknown rate " + name);
    };
  }

  /** Percentile with linear interpolation between order statistics (numpy's default), NaNs ignored. */
  static double percentile(List<Double> values, double q) {
    double[] v = values.stream().mapToDouble(d -> d).filter(d -> !Double.isNaN(d)).toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    double h = (v.length - 1) * q / 100.0;
    int i = (int) Math.floor(h);
    return i + 1 < v.length ? v[i] + (h - i) * (v[i + 1] - v[i]) : v[i];
  }
}
