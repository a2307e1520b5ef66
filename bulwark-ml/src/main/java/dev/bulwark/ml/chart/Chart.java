package dev.bulwark.ml.chart;

import java.util.List;

/** A chart to draw: grouped bars with optional intervals, or reference/current distributions. */
public sealed interface Chart permits Chart.Bars, Chart.Distribution {
  int WIDTH = 720;
  int HEIGHT = 360;

  String id();

  String title();

  /** One bar; low/high NaN when there is no interval. */
  record Bar(String label, double value, double low, double high) {}

  /** Bars on a 0..max scale, with an optional horizontal marker line (e.g. the four-fifths line). */
  record Bars(String id, String title, String axis, List<Bar> bars, double max, double marker, String markerLabel) implements Chart {}

  /** Two series over the same bins (reference and current shares). */
  record Distribution(String id, String title, List<String> bins, double[] reference, double[] current) implements Chart {}

  String REFERENCE_COLOR = "#4c78a8";
  String CURRENT_COLOR = "#f58518";
}
