package dev.bulwark.ml.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gate condition on the fairness metrics, checked on every attribute (and intersection):
 * {@code four-fifths} (fails when the four-fifths rule fails), or {@code METRIC>X} / {@code METRIC<X}
 * where METRIC is a short name ({@code dp-diff}, {@code dp-ratio}, {@code eo-diff}, {@code eo-ratio},
 * {@code eop-diff}, {@code pp-diff}, {@code di}) or a JSON metric name. The condition describes
 * failure: {@code dp-diff>0.1} fails when the demographic parity difference exceeds 0.1.
 */
public record FailOn(String text, String metric, char op, double limit) {

  public record Check(String condition, String attribute, double value, boolean failed) {}

  public static FailOn parse(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase("four-fifths")) {
      return new FailOn("four-fifths", "disparateImpactRatio", '<', AttributeMetrics.FOUR_FIFTHS);
    }
    int i = Math.max(t.indexOf('>'), t.indexOf('<'));
    if (i <= 0 || i == t.length() - 1) {
      throw new IllegalArgumentException("--fail-on expects four-fifths or METRIC>X / METRIC<X, got '" + text + "'");
    }
    String name = metricName(t.substring(0, i).strip());
    double limit;
    try {
      limit = Double.parseDouble(t.substring(i + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--fail-on limit is not a number in '" + text + "'");
    }
    return new FailOn(t, name, t.charAt(i), limit);
  }

  static String metricName(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "dp-diff", "demographicparitydifference" -> "demographicParityDifference";
      case "dp-ratio", "demographicparityratio" -> "demographicParityRatio";
      case "eo-diff", "equalizedoddsdifference" -> "equalizedOddsDifference";
      case "eo-ratio", "equalizedoddsratio" -> "equalizedOddsRatio";
      case "eop-diff", "equalopportunitydifference" -> "equalOpportunityDifference";
      case "pp-diff", "predictiveparitydifference" -> "predictiveParityDifference";
      case "di", "disparateimpactratio" -> "disparateImpactRatio";
      default -> throw new IllegalArgumentException("unknown fairness metric '" + s
          + "' (dp-diff, dp-ratio, eo-diff, eo-ratio, eop-diff, pp-diff, di)");
    };
  }

  /** Checks this condition on every attribute; an undefined (NaN) metric does not fail. */
  public List<Check> check(FairnessResult result) {
    List<Check> out = new ArrayList<>();
    for (AttributeMetrics m : result.metrics().values()) {
      double v = m.get(metric);
      boolean failed = !Double.isNaN(v) && (op == '>' ? v > limit : v < limit);
      out.add(new Check(text, m.attribute(), v, failed));
    }
    return out;
  }
}
