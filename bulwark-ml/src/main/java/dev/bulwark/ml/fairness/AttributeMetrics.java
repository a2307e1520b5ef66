package dev.bulwark.ml.fairness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Between-group fairness metrics of one attribute, with Fairlearn's definitions: a difference is the
 * largest minus the smallest group value, a ratio the smallest divided by the largest; equalized odds
 * takes the worse of the true- and false-positive-rate spreads. Disparate impact compares each group's
 * selection rate with the reference group's (by default the group with the highest selection rate, as
 * in the EEOC four-fifths guideline) and reports the smallest such ratio.
 */
public record AttributeMetrics(
    String attribute,
    String referenceGroup,
    double demographicParityDifference,
    double demographicParityRatio,
    double equalizedOddsDifference,
    double equalizedOddsRatio,
    double equalOpportunityDifference,
    double predictiveParityDifference,
    double disparateImpactRatio,
    boolean fourFifthsRule,
    Map<String, Double> disparateImpactByGroup) {

  public static final double FOUR_FIFTHS = 0.8;

  /** Metric names in report order, as used in JSON and in --fail-on. */
  public static final List<String> NAMES = List.of("demographicParityDifference", "demographicParityRatio",
      "equalizedOddsDifference", "equalizedOddsRatio", "equalOpportunityDifference", "predictiveParityDifference",
      "disparateImpactRatio");

  public static AttributeMetrics of(String attribute, List<GroupResult> groups, String requestedReference) {
    double dpd = difference(groups, Confusion::selectionRate);
    double dpr = ratio(groups, Confusion::selectionRate);
    double tprd = difference(groups, Confusion::tpr);
    double fprd = difference(groups, Confusion::fpr);
    double tprr = ratio(groups, Confusion::tpr);
    double fprr = ratio(groups, Confusion::fpr);
    String reference = requestedReference;
    if (reference == null) {
      double best = Double.NEGATIVE_INFINITY;
      for (GroupResult g : groups) {
        double sr = g.counts().selectionRate();
        if (!Double.isNaN(sr) && sr > best) {
          best = sr;
          reference = g.group();
        }
      }
    }
    double refRate = Double.NaN;
    for (GroupResult g : groups) {
      if (g.group().equals(reference)) {
        refRate = g.counts().selectionRate();
      }
    }
    Map<String, Double> di = new LinkedHashMap<>();
    double minDi = Double.NaN;
    for (GroupResult g : groups) {
      double r = refRate > 0 ? g.counts().selectionRate() / refRate : Double.NaN;
      di.put(g.group(), r);
      if (!Double.isNaN(r) && (Double.isNaN(minDi) || r < minDi)) {
        minDi = r;
      }
    }
    return new AttributeMetrics(attribute, reference, dpd, dpr, Math.max(tprd, fprd), Math.min(tprr, fprr),
        tprd, difference(groups, Confusion::ppv), minDi, !Double.isNaN(minDi) && minDi >= FOUR_FIFTHS, di);
  }

  public double get(String name) {
    return switch (name) {
      case "demographicParityDifference" -> demographicParityDifference;
      case "demographicParityRatio" -> demographicParityRatio;
      case "equalizedOddsDifference" -> equalizedOddsDifference;
      case "equalizedOddsRatio" -> equalizedOddsRatio;
      case "equalOpportunityDifference" -> equalOpportunityDifference;
      case "predictiveParityDifference" -> predictiveParityDifference;
      case "disparateImpactRatio" -> disparateImpactRatio;
      default -> throw new IllegalArgumentException("unknown fairness metric " + name);
    };
  }

  static double difference(List<GroupResult> groups, ToDoubleFunction<Confusion> rate) {
    List<Double> v = values(groups, rate);
    return v.isEmpty() ? Double.NaN : v.stream().mapToDouble(d -> d).max().orElseThrow() - v.stream().mapToDouble(d -> d).min().orElseThrow();
  }

  static double ratio(List<GroupResult> groups, ToDoubleFunction<Confusion> rate) {
    List<Double> v = values(groups, rate);
    if (v.isEmpty()) {
      return Double.NaN;
    }
    double max = v.stream().mapToDouble(d -> d).max().orElseThrow();
    double min = v.stream().mapToDouble(d -> d).min().orElseThrow();
    return max == 0 ? Double.NaN : min / max;
  }

  private static List<Double> values(List<GroupResult> groups, ToDoubleFunction<Confusion> rate) {
    List<Double> out = new ArrayList<>();
    for (GroupResult g : groups) {
      double r = rate.applyAsDouble(g.counts());
      if (!Double.isNaN(r)) {
        out.add(r);
      }
    }
    return out;
  }
}
