package dev.bulwark.ml.fairness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ml.chart.Chart;
import dev.bulwark.ml.chart.Html;
import dev.bulwark.ml.chart.SvgCanvas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link FairnessResult} as JSON ({@code bulwark/fairness/v1}), a text table, charts and HTML. */
public final class FairnessReport {
  public static final String SCHEMA = "bulwark/fairness/v1";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FairnessReport() {}

  public static String json(FairnessResult r, List<FailOn.Check> checks) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    ObjectNode data = root.putObject("data");
    data.put("path", r.path());
    data.put("rows", r.rows());
    data.put("excludedRows", r.excludedRows());
    ArrayNode groups = root.putArray("groups");
    for (GroupResult g : r.groups()) {
      ObjectNode n = groups.addObject();
      Confusion c = g.counts();
      n.put("attribute", g.attribute());
      n.put("group", g.group());
      n.put("count", c.count());
      n.put("tp", c.tp());
      n.put("fp", c.fp());
      n.put("tn", c.tn());
      n.put("fn", c.fn());
      num(n, "selectionRate", c.selectionRate());
      num(n, "tpr", c.tpr());
      num(n, "fpr", c.fpr());
      num(n, "fnr", c.fnr());
      num(n, "tnr", c.tnr());
      num(n, "ppv", c.ppv());
      num(n, "npv", c.npv());
      num(n, "accuracy", c.accuracy());
      num(n, "disparateImpact", r.metrics().get(g.attribute()).disparateImpactByGroup().getOrDefault(g.group(), Double.NaN));
    }
    ObjectNode metrics = root.putObject("metrics");
    for (AttributeMetrics m : r.metrics().values()) {
      ObjectNode n = metrics.putObject(m.attribute());
      for (String name : AttributeMetrics.NAMES) {
        num(n, name, m.get(name));
      }
      n.put("fourFifthsRule", m.fourFifthsRule());
      if (m.referenceGroup() == null) {
        n.putNull("referenceGroup");
      } else {
        n.put("referenceGroup", m.referenceGroup());
      }
    }
    ObjectNode intervals = root.putObject("intervals");
    Bootstrap.Intervals iv = r.intervals();
    if (iv != null) {
      intervals.put("method", "percentile bootstrap (multinomial resampling of rows)");
      intervals.put("resamples", iv.resamples());
      intervals.put("seed", iv.seed());
      intervals.put("confidence", iv.confidence());
      ObjectNode im = intervals.putObject("metrics");
      iv.metrics().forEach((a, byName) -> {
        ObjectNode an = im.putObject(a);
        byName.forEach((name, i) -> interval(an.putObject(name), i));
      });
      ObjectNode ig = intervals.putObject("groups");
      iv.groups().forEach((a, byGroup) -> {
        ObjectNode an = ig.putObject(a);
        byGroup.forEach((g, byRate) -> {
          ObjectNode gn = an.putObject(g);
          byRate.forEach((rate, i) -> interval(gn.putObject(rate), i));
        });
      });
    }
    ArrayNode cs = root.putArray("checks");
    for (FailOn.Check c : checks) {
      ObjectNode n = cs.addObject();
      n.put("condition", c.condition());
      n.put("attribute", c.attribute());
      num(n, "value", c.value());
      n.put("failed", c.failed());
    }
    root.put("passed", checks.stream().noneMatch(FailOn.Check::failed));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void interval(ObjectNode n, Bootstrap.Interval i) {
    num(n, "low", i.low());
    num(n, "high", i.high());
  }

  static void num(ObjectNode n, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
  }

  public static String table(FairnessResult r, List<FailOn.Check> checks) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Fairness audit of %s (%d rows, %d excluded for a missing label or prediction)%n%n",
        r.path(), r.rows(), r.excludedRows()));
    for (String a : r.attributes()) {
      b.append(a).append('\n');
      b.append(String.format(Locale.ROOT, "  %-28s %9s %7s %7s %7s %7s %7s %7s%n", "group", "count", "sel", "TPR", "FPR", "FNR", "PPV", "acc"));
      for (GroupResult g : r.groupsOf(a)) {
        Confusion c = g.counts();
        b.append(String.format(Locale.ROOT, "  %-28s %9d %7s %7s %7s %7s %7s %7s%n", cut(g.group(), 28), c.count(),
            f(c.selectionRate()), f(c.tpr()), f(c.fpr()), f(c.fnr()), f(c.ppv()), f(c.accuracy())));
      }
      AttributeMetrics m = r.metrics().get(a);
      for (String name : AttributeMetrics.NAMES) {
        b.append(String.format(Locale.ROOT, "  %-30s %s%n", name, f(m.get(name))));
      }
      b.append(String.format(Locale.ROOT, "  %-30s %s (reference group %s)%n%n", "four-fifths rule",
          m.fourFifthsRule() ? "pass" : "FAIL", m.referenceGroup()));
    }
    for (FailOn.Check c : checks) {
      if (c.failed()) {
        b.append(String.format(Locale.ROOT, "FAILED %s on %s (value %s)%n", c.condition(), c.attribute(), f(c.value())));
      }
    }
    return b.toString();
  }

  private static String f(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }

  /** One chart per attribute and rate: selection rate, TPR, FPR, FNR with bootstrap intervals. */
  public static List<Chart> charts(FairnessResult r) {
    List<Chart> charts = new ArrayList<>();
    for (String a : r.attributes()) {
      charts.addAll(charts(r, a));
    }
    return charts;
  }

  static List<Chart> charts(FairnessResult r, String a) {
    List<Chart> charts = new ArrayList<>();
    {
      for (String rate : List.of("selectionRate", "tpr", "fpr", "fnr")) {
        List<Chart.Bar> bars = new ArrayList<>();
        double max = 0;
        double refRate = Double.NaN;
        for (GroupResult g : r.groupsOf(a)) {
          double v = Bootstrap.rate(g.counts(), rate);
          Bootstrap.Interval i = r.intervals() == null ? null
              : r.intervals().groups().getOrDefault(a, Map.of()).getOrDefault(g.group(), Map.of()).get(rate);
          bars.add(new Chart.Bar(g.group(), v, i == null ? Double.NaN : i.low(), i == null ? Double.NaN : i.high()));
          max = Math.max(max, Math.max(Double.isNaN(v) ? 0 : v, i == null || Double.isNaN(i.high()) ? 0 : i.high()));
          if (g.group().equals(r.metrics().get(a).referenceGroup())) {
            refRate = v;
          }
        }
        double marker = rate.equals("selectionRate") && !Double.isNaN(refRate) ? refRate * AttributeMetrics.FOUR_FIFTHS : Double.NaN;
        charts.add(new Chart.Bars("fairness-" + a + "-" + rate, label(rate) + " by " + a, label(rate), bars,
            Math.min(1.0, Math.max(max * 1.15, 0.05)), marker, Double.isNaN(marker) ? null : "4/5 of reference"));
      }
    }
    return charts;
  }

  private static String label(String rate) {
    return switch (rate) {
      case "selectionRate" -> "Selection rate";
      case "tpr" -> "True positive rate";
      case "fpr" -> "False positive rate";
      case "fnr" -> "False negative rate";
      default -> rate;
    };
  }

  public static String html(FairnessResult r, List<FailOn.Check> checks) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bulwark fairness audit</title>")
        .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}td:first-child{text-align:left}")
        .append(".fail{color:#b00020;font-weight:bold}.pass{color:#1b7f3b}</style></head><body>\n");
    b.append("<h1>Fairness audit</h1><p>").append(Html.escape(r.path())).append(": ").append(r.rows()).append(" rows, ")
        .append(r.excludedRows()).append(" excluded for a missing label or prediction.");
    if (r.intervals() != null) {
      b.append(String.format(Locale.ROOT, " Intervals: %.0f%% percentile bootstrap, %d resamples, seed %d.",
          r.intervals().confidence() * 100, r.intervals().resamples(), r.intervals().seed()));
    }
    b.append("</p>\n<h2>Summary</h2><table><tr><th>attribute</th>");
    for (String name : AttributeMetrics.NAMES) {
      b.append("<th>").append(name).append("</th>");
    }
    b.append("<th>four-fifths rule</th></tr>\n");
    for (AttributeMetrics m : r.metrics().values()) {
      b.append("<tr><td>").append(Html.escape(m.attribute())).append("</td>");
      for (String name : AttributeMetrics.NAMES) {
        b.append("<td>").append(f(m.get(name)));
        Bootstrap.Interval i = r.intervals() == null ? null : r.intervals().metrics().getOrDefault(m.attribute(), Map.of()).get(name);
        if (i != null) {
          b.append("<br><small>[").append(f(i.low())).append(", ").append(f(i.high())).append("]</small>");
        }
        b.append("</td>");
      }
      b.append(m.fourFifthsRule() ? "<td class=\"pass\">pass</td>" : "<td class=\"fail\">FAIL</td>").append("</tr>\n");
    }
    b.append("</table>\n");
    for (FailOn.Check c : checks) {
      if (c.failed()) {
        b.append("<p class=\"fail\">Failed: ").append(Html.escape(c.condition())).append(" on ").append(Html.escape(c.attribute()))
            .append(" (value ").append(f(c.value())).append(")</p>\n");
      }
    }
    for (String a : r.attributes()) {
      b.append("<h2>").append(Html.escape(a)).append("</h2><table><tr><th>group</th><th>count</th><th>TP</th><th>FP</th><th>TN</th><th>FN</th>")
          .append("<th>selection rate</th><th>TPR</th><th>FPR</th><th>FNR</th><th>TNR</th><th>PPV</th><th>NPV</th><th>accuracy</th></tr>\n");
      for (GroupResult g : r.groupsOf(a)) {
        Confusion c = g.counts();
        b.append("<tr><td>").append(Html.escape(g.group())).append("</td><td>").append(c.count()).append("</td><td>").append(c.tp())
            .append("</td><td>").append(c.fp()).append("</td><td>").append(c.tn()).append("</td><td>").append(c.fn()).append("</td>");
        for (double v : new double[] {c.selectionRate(), c.tpr(), c.fpr(), c.fnr(), c.tnr(), c.ppv(), c.npv(), c.accuracy()}) {
          b.append("<td>").append(f(v)).append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</table>\n");
      for (Chart chart : charts(r, a)) {
        b.append("<figure>").append(SvgCanvas.render(chart)).append("</figure>\n");
      }
    }
    b.append("</body></html>\n");
    return b.toString();
  }
}
