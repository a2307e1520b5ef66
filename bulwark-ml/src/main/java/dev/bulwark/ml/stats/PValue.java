package dev.bulwark.ml.stats;

/**
 * A p-value with its natural logarithm. The logarithm is carried separately because far-tail p-values
 * (below about 1e-308) cannot be represented as a double; {@code value} is then 0 while {@code ln}
 * still holds the exact magnitude. {@code ln} is {@code NaN} when the method could not compute it.
 */
public record PValue(double value, double ln) {

  public static PValue of(double value) {
    double v = Math.min(1.0, Math.max(0.0, value));
    return new PValue(v, v > 0 ? Math.log(v) : Double.NaN);
  }

  public static PValue ofLog(double ln) {
    double l = Math.min(0.0, ln);
    return new PValue(Math.exp(l), l);
  }

  /** log10 of the p-value, or NaN when unknown. */
  public double log10() {
    return ln / Math.log(10);
  }
}
