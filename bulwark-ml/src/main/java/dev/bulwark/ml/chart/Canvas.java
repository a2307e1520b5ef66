package dev.bulwark.ml.chart;

/** The few drawing operations charts need; implemented for SVG text and for Java2D images. */
public interface Canvas {
  void rect(double x, double y, double w, double h, String fill, double opacity);

  void line(double x1, double y1, double x2, double y2, String stroke, double width);

  /** anchor: "start", "middle" or "end"; rotate in degrees about (x, y). */
  void text(double x, double y, String text, double size, String anchor, String fill, double rotate);
}
