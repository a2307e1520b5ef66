package dev.bulwark.ml.chart;

import java.util.Locale;

/** Renders a chart as inline SVG text (no scripts, no external references). */
public final class SvgCanvas implements Canvas {
  private final StringBuilder out = new StringBuilder();

  public static String render(Chart chart) {
    SvgCanvas c = new SvgCanvas();
    c.out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(Chart.WIDTH).append("\" height=\"")
        .append(Chart.HEIGHT).append("\" viewBox=\"0 0 ").append(Chart.WIDTH).append(' ').append(Chart.HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(chart.title())).append("\">");
    ChartPainter.paint(chart, c);
    c.out.append("</svg>");
    return c.out.toString();
  }

  @Override
  public void rect(double x, double y, double w, double h, String fill, double opacity) {
    out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"%.2f\"/>",
        x, y, Math.max(0, w), Math.max(0, h), fill, opacity));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double width) {
    out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
        x1, y1, x2, y2, stroke, width));
  }

  @Override
  public void text(double x, double y, String text, double size, String anchor, String fill, double rotate) {
    out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-family=\"sans-serif\" font-size=\"%.0f\" text-anchor=\"%s\" fill=\"%s\"",
        x, y, size, anchor, fill));
    if (rotate != 0) {
      out.append(String.format(Locale.ROOT, " transform=\"rotate(%.0f %.1f %.1f)\"", rotate, x, y));
    }
    out.append('>').append(Html.escape(text)).append("</text>");
  }
}
