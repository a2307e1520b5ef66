package dev.bulwark.model;

import java.util.Locale;
import java.util.Objects;

/**
 * What happened to one analyzer or cataloger during a scan. A failure is a value, shown in every report,
 * and by default fails the gate (exit code 3).
 */
public record AnalyzerOutcome(String analyzer, Status status, String message, long durationMs, int filesSeen) {

  public enum Status {
    COMPLETED, FAILED, SKIPPED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public AnalyzerOutcome {
    Objects.requireNonNull(analyzer, "analyzer");
    Objects.requireNonNull(status, "status");
  }

  public static AnalyzerOutcome completed(String analyzer, long durationMs, int files) {
    return new AnalyzerOutcome(analyzer, Status.COMPLETED, null, durationMs, files);
  }

  public static AnalyzerOutcome failed(String analyzer, String message, long durationMs, int files) {
    return new AnalyzerOutcome(analyzer, Status.FAILED, message, durationMs, files);
  }

  public static AnalyzerOutcome skipped(String analyzer, String reason) {
    return new AnalyzerOutcome(analyzer, Status.SKIPPED, reason, 0, 0);
  }
}
