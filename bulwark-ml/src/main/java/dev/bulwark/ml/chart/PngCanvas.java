package dev.bulwark.ml.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/** Renders a chart to a PNG with Java2D (headless). */
public final class PngCanvas implements Canvas {
  private final Graphics2D g;

  private PngCanvas(Graphics2D g) {
    this.g = g;
  }

  public static void write(Chart chart, OutputStream out) throws IOException {
    System.setProperty("java.awt.headless", "true");
    int scale = 2;
    BufferedImage image = new BufferedImage(Chart.WIDTH * scale, Chart.HEIGHT * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(scale, scale);
      ChartPainter.paint(chart, new PngCanvas(g));
    } finally {
      g.dispose();
    }
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("no PNG writer available");
    }
  }

  private static Color color(String hex, double opacity) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, (int) Math.round(opacity * 255));
  }

  @Override
  public void rect(double x, double y, double w, double h, String fill, double opacity) {
    g.setColor(color(fill, opacity));
    g.fill(new Rectangle2D.Double(x, y, Math.max(0, w), Math.max(0, h)));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double width) {
    g.setColor(color(stroke, 1));
    g.setStroke(new BasicStroke((float) width));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void text(double x, double y, String text, double size, String anchor, String fill, double rotate) {
    AffineTransform saved = g.getTransform();
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(size)));
    g.setColor(color(fill, 1));
    g.translate(x, y);
    if (rotate != 0) {
      g.rotate(Math.toRadians(rotate));
    }
    double width = g.getFontMetrics().stringWidth(text);
    double dx = switch (anchor) {
      case "middle" -> -width / 2;
      case "end" -> -width;
      default -> 0;
    };
    g.drawString(text, (float) dx, 0f);
    g.setTransform(saved);
  }
}
