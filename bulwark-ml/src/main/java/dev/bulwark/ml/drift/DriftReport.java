package dev.bulwark.ml.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ml.chart.Chart;
import dev.bulwark.ml.chart.Html;
import dev.bulwark.ml.chart.SvgCanvas;
import dev.bulwark.ml.stats.Divergence;
import dev.bulwark.ml.stats.PValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link DriftResult} as JSON ({@code bulwark/drift/v1}), a text table, charts and HTML. */
public final class DriftReport {
  public static final String SCHEMA = "bulwark/drift/v1";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DriftReport() {}

  public static String json(DriftResult r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    ObjectNode ref = root.putObject("reference");
    ref.put("path", r.referencePath());
    ref.put("rows", r.referenceRows());
    ObjectNode cur = root.putObject("current");
    cur.put("path", r.currentPath());
    cur.put("rows", r.currentRows());
    ArrayNode cols = root.putArray("columns");
    for (ColumnDrift c : r.columns()) {
      ObjectNode n = cols.addObject();
      n.put("name", c.name());
      n.put("type", c.type());
      n.put("referenceCount", c.referenceCount());
      n.put("currentCount", c.currentCount());
      n.put("referenceMissing", c.referenceMissing());
      n.put("currentMissing", c.currentMissing());
      ObjectNode tests = n.putObject("tests");
      if (c.ks() != null) {
        ObjectNode ks = tests.putObject("ks");
        num(ks, "statistic", c.ks().statistic());
        pValue(ks, c.ks().pValue());
        ks.put("method", c.ks().method().name().toLowerCase(Locale.ROOT));
      }
      if (c.wasserstein() != null) {
        ObjectNode w = tests.putObject("wasserstein");
        num(w, "value", c.wasserstein());
        num(w, "normed", c.wassersteinNormed());
      }
      if (!Double.isNaN(c.jensenShannon())) {
        num(tests.putObject("jensenShannon"), "value", c.jensenShannon());
      }
      if (!Double.isNaN(c.psi())) {
        num(tests.putObject("psi"), "value", c.psi());
      }
      if (c.chiSquare() != null) {
        ObjectNode chi = tests.putObject("chiSquare");
        num(chi, "statistic", c.chiSquare().statistic());
        pValue(chi, c.chiSquare().pValue());
        chi.put("dof", c.chiSquare().dof());
      }
      n.put("drift", c.drift());
      n.put("method", c.method());
      num(n, "score", c.score());
      num(n, "threshold", c.threshold());
    }
    ObjectNode ds = root.putObject("datasetDrift");
    num(ds, "share", r.share());
    ds.put("detected", r.detected());
    num(ds, "threshold", r.thresholds().driftShare());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void pValue(ObjectNode n, PValue p) {
    num(n, "pValue", p.value());
    num(n, "log10PValue", p.log10());
  }

  private static void num(ObjectNode n, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
  }

  /** A p-value as text that never shows a far-tail value as 0. */
  static String p(PValue p) {
    if (p.value() > 0) {
      return String.format(Locale.ROOT, p.value() < 1e-4 ? "%.3e" : "%.4f", p.value());
    }
    return Double.isNaN(p.ln()) ? "0" : String.format(Locale.ROOT, "1e%.1f", p.log10());
  }

  public static String table(DriftResult r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Drift of %s (%d rows) against %s (%d rows)%n%n", r.currentPath(), r.currentRows(),
        r.referencePath(), r.referenceRows()));
    b.append(String.format(Locale.ROOT, "%-24s %-11s %-6s %-28s %10s  %s%n", "column", "type", "drift", "method", "score", "other tests"));
    for (ColumnDrift c : r.columns()) {
      StringBuilder other = new StringBuilder();
      if (c.ks() != null) {
        other.append(String.format(Locale.ROOT, "ks=%.4f p=%s ", c.ks().statistic(), p(c.ks().pValue())));
      }
      if (c.wasserstein() != null) {
        other.append(String.format(Locale.ROOT, "w=%.4g ", c.wasserstein()));
      }
      if (c.chiSquare() != null) {
        other.append(String.format(Locale.ROOT, "chi2=%.4g p=%s ", c.chiSquare().statistic(), p(c.chiSquare().pValue())));
      }
      if (!Double.isNaN(c.jensenShannon())) {
        other.append(String.format(Locale.ROOT, "js=%.4f psi=%.4f", c.jensenShannon(), c.psi()));
      }
      b.append(String.format(Locale.ROOT, "%-24s %-11s %-6s %-28s %10s  %s%n", cut(c.name(), 24), c.type(), c.drift() ? "YES" : "no",
          cut(c.method(), 28), Double.isNaN(c.score()) ? "n/a" : String.format(Locale.ROOT, "%.4g", c.score()), other.toString().strip()));
    }
    b.append(String.format(Locale.ROOT, "%nDataset drift: %s (%.1f%% of columns drifted, threshold %.1f%%)%n",
        r.detected() ? "DETECTED" : "not detected", r.share() * 100, r.thresholds().driftShare() * 100));
    return b.toString();
  }

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }

  public static List<Chart> charts(DriftResult r) {
    List<Chart> charts = new ArrayList<>();
    for (ColumnDrift c : r.columns()) {
      ColumnDrift.Bins h = c.histogram();
      if (h == null) {
        continue;
      }
      String kind = c.type().equals("numeric") ? "histogram" : "categories";
      charts.add(new Chart.Distribution("drift-" + c.name(), c.name() + " (" + kind + (c.drift() ? ", drift" : "") + ")",
          h.labels(), shares(h.reference()), shares(h.current())));
    }
    return charts;
  }

  private static double[] shares(long[] counts) {
    return Divergence.shares(counts);
  }

  public static String html(DriftResult r) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bulwark drift report</title>")
        .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}td:first-child,td.t{text-align:left}")
        .append(".drift{color:#b00020;font-weight:bold}.ok{color:#1b7f3b}</style></head><body>\n");
    b.append("<h1>Drift report</h1><p>Current: ").append(Html.escape(r.currentPath())).append(" (").append(r.currentRows())
        .append(" rows). Reference: ").append(Html.escape(r.referencePath())).append(" (").append(r.referenceRows()).append(" rows).</p>\n");
    b.append(String.format(Locale.ROOT, "<p class=\"%s\">Dataset drift %s: %.1f%% of columns drifted (threshold %.1f%%).</p>%n",
        r.detected() ? "drift" : "ok", r.detected() ? "detected" : "not detected", r.share() * 100, r.thresholds().driftShare() * 100));
    b.append("<h2>Summary</h2><table><tr><th>column</th><th>type</th><th>drift</th><th>method</th><th>score</th>")
        .append("<th>KS statistic</th><th>KS p-value</th><th>Wasserstein</th><th>chi-square</th><th>chi-square p-value</th>")
        .append("<th>Jensen–Shannon</th><th>PSI</th></tr>\n");
    for (ColumnDrift c : r.columns()) {
      b.append("<tr><td>").append(Html.escape(c.name())).append("</td><td class=\"t\">").append(c.type()).append("</td>")
          .append(c.drift() ? "<td class=\"t drift\">yes</td>" : "<td class=\"t ok\">no</td>")
          .append("<td class=\"t\">").append(Html.escape(c.method())).append("</td><td>").append(g(c.score())).append("</td>")
          .append("<td>").append(c.ks() == null ? "" : g(c.ks().statistic())).append("</td>")
          .append("<td>").append(c.ks() == null ? "" : p(c.ks().pValue())).append("</td>")
          .append("<td>").append(c.wasserstein() == null ? "" : g(c.wasserstein())).append("</td>")
          .append("<td>").append(c.chiSquare() == null ? "" : g(c.chiSquare().statistic())).append("</td>")
          .append("<td>").append(c.chiSquare() == null ? "" : p(c.chiSquare().pValue())).append("</td>")
          .append("<td>").append(g(c.jensenShannon())).append("</td><td>").append(g(c.psi())).append("</td></tr>\n");
    }
    b.append("</table>\n<h2>Distributions</h2>\n");
    for (Chart chart : charts(r)) {
      b.append("<figure>").append(SvgCanvas.render(chart)).append("</figure>\n");
    }
    b.append("</body></html>\n");
    return b.toString();
  }

  private static String g(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
  }
}
