package dev.bulwark.ml.fairness;

/**
 * Confusion-matrix counts of one group and the rates derived from them. A rate whose denominator is
 * zero is {@code NaN} (reported as null) and takes no part in differences and ratios.
 */
public record Confusion(long tp, long fp, long tn, long fn) {

  public long count() {
    return tp + fp + tn + fn;
  }

  public Confusion plus(Confusion o) {
    return new Confusion(tp + o.tp, fp + o.fp, tn + o.tn, fn + o.fn);
  }

  public double selectionRate() {
    return ratio(tp + fp, count());
  }

  public double tpr() {
    return ratio(tp, tp + fn);
  }

  public double fpr() {
    return ratio(fp, fp + tn);
  }

  public double fnr() {
    return ratio(fn, tp + fn);
  }

  public double tnr() {
    return ratio(tn, fp + tn);
  }

  public double ppv() {
    return ratio(tp, tp + fp);
  }

  public double npv() {
    return ratio(tn, tn + fn);
  }

  public double accuracy() {
    return ratio(tp + tn, count());
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }
}
