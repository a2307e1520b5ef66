package dev.bulwark.ml.chart;

import java.util.Locale;

/** Lays out a {@link Chart} on a {@link Canvas} of {@link Chart#WIDTH} x {@link Chart#HEIGHT}. */
public final class ChartPainter {
  private static final double LEFT = 60;
  private static final double RIGHT = 20;
  private static final double TOP = 36;
  private static final double BOTTOM = 90;

  private ChartPainter() {}

  public static void paint(Chart chart, Canvas c) {
    c.rect(0, 0, Chart.WIDTH, Chart.HEIGHT, "#ffffff", 1);
    c.text(Chart.WIDTH / 2.0, 22, chart.title(), 15, "middle", "#222222", 0);
    switch (chart) {
      case Chart.Bars b -> bars(b, c);
      case Chart.Distribution d -> distribution(d, c);
    }
  }

  private static void axes(Canvas c, double max, String label) {
    double plotH = Chart.HEIGHT - TOP - BOTTOM;
    for (int i = 0; i <= 4; i++) {
      double v = max * i / 4;
      double y = TOP + plotH - plotH * i / 4;
      c.line(LEFT, y, Chart.WIDTH - RIGHT, y, "#e0e0e0", 1);
      c.text(LEFT - 6, y + 4, format(v), 11, "end", "#444444", 0);
    }
    c.line(LEFT, TOP, LEFT, TOP + plotH, "#444444", 1);
    c.line(LEFT, TOP + plotH, Chart.WIDTH - RIGHT, TOP + plotH, "#444444", 1);
    if (label != null) {
      c.text(16, TOP + plotH / 2, label, 11, "middle", "#444444", -90);
    }
  }

  private static void bars(Chart.Bars b, Canvas c) {
    double max = b.max() > 0 ? b.max() : 1;
    axes(c, max, b.axis());
    double plotW = Chart.WIDTH - LEFT - RIGHT;
    double plotH = Chart.HEIGHT - TOP - BOTTOM;
    int n = Math.max(1, b.bars().size());
    double slot = plotW / n;
    double w = Math.min(60, slot * 0.6);
    for (int i = 0; i < b.bars().size(); i++) {
      Chart.Bar bar = b.bars().get(i);
      double cx = LEFT + slot * (i + 0.5);
      if (!Double.isNaN(bar.value())) {
        double h = plotH * Math.min(1, bar.value() / max);
        c.rect(cx - w / 2, TOP + plotH - h, w, h, Chart.REFERENCE_COLOR, 0.85);
        // the value sits at the foot of the bar so it never collides with the interval whisker
        if (h > 16) {
          c.text(cx, TOP + plotH - 5, format(bar.value()), 10, "middle", "#ffffff", 0);
        } else {
          double top = Double.isNaN(bar.high()) ? bar.value() : Math.max(bar.value(), bar.high());
          c.text(cx, TOP + plotH - plotH * Math.min(1, top / max) - 5, format(bar.value()), 10, "middle", "#222222", 0);
        }
      }
      if (!Double.isNaN(bar.low()) && !Double.isNaN(bar.high())) {
        double y1 = TOP + plotH - plotH * Math.min(1, bar.low() / max);
        double y2 = TOP + plotH - plotH * Math.min(1, bar.high() / max);
        c.line(cx, y1, cx, y2, "#222222", 1.5);
        c.line(cx - 6, y1, cx + 6, y1, "#222222", 1.5);
        c.line(cx - 6, y2, cx + 6, y2, "#222222", 1.5);
      }
      c.text(cx, TOP + plotH + 14, shorten(bar.label(), 28), 10, "end", "#222222", -30);
    }
    if (!Double.isNaN(b.marker())) {
      double y = TOP + plotH - plotH * Math.min(1, b.marker() / max);
      c.line(LEFT, y, Chart.WIDTH - RIGHT, y, "#d62728", 1.5);
      if (b.markerLabel() != null) {
        c.text(Chart.WIDTH - RIGHT, y - 4, b.markerLabel(), 10, "end", "#d62728", 0);
      }
    }
  }

  private static void distribution(Chart.Distribution d, Canvas c) {
    double max = 0;
    for (int i = 0; i < d.bins().size(); i++) {
      max = Math.max(max, Math.max(d.reference()[i], d.current()[i]));
    }
    max = max > 0 ? max * 1.1 : 1;
    axes(c, max, "share of rows");
    double plotW = Chart.WIDTH - LEFT - RIGHT;
    double plotH = Chart.HEIGHT - TOP - BOTTOM;
    int n = Math.max(1, d.bins().size());
    double slot = plotW / n;
    double w = slot * 0.9;
    int labelEvery = Math.max(1, n / 12);
    for (int i = 0; i < d.bins().size(); i++) {
      double x = LEFT + slot * i + (slot - w) / 2;
      double hr = plotH * d.reference()[i] / max;
      double hc = plotH * d.current()[i] / max;
      c.rect(x, TOP + plotH - hr, w, hr, Chart.REFERENCE_COLOR, 0.55);
      c.rect(x, TOP + plotH - hc, w, hc, Chart.CURRENT_COLOR, 0.55);
      if (i % labelEvery == 0) {
        c.text(x + w / 2, TOP + plotH + 14, shorten(d.bins().get(i), 20), 10, "end", "#222222", -30);
      }
    }
    double ly = Chart.HEIGHT - 12;
    c.rect(LEFT, ly - 9, 10, 10, Chart.REFERENCE_COLOR, 0.7);
    c.text(LEFT + 14, ly, "reference", 11, "start", "#222222", 0);
    c.rect(LEFT + 100, ly - 9, 10, 10, Chart.CURRENT_COLOR, 0.7);
    c.text(LEFT + 114, ly, "current", 11, "start", "#222222", 0);
  }

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 0.001 || a >= 1e6)) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    return String.format(Locale.ROOT, a < 10 ? "%.3f" : "%.1f", v);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
