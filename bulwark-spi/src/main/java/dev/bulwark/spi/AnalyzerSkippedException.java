package dev.bulwark.spi;

/** Thrown by an analyzer that cannot run in this scan; the reason becomes a {@code skipped} outcome. */
public class AnalyzerSkippedException extends Exception {
  private static final long serialVersionUID = 1L;

  public AnalyzerSkippedException(String reason) {
    super(reason);
  }
}
