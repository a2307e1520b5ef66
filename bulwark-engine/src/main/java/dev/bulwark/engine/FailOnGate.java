package dev.bulwark.engine;

import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import dev.bulwark.spi.Gate;
import dev.bulwark.spi.ScanContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate used when no policy engine is installed: fail when an active finding is at or above the
 * threshold, warn when any active finding remains below it.
 */
public final class FailOnGate implements Gate {
  private final Severity threshold;

  /** @param threshold fail at or above this; null never fails on severity */
  public FailOnGate(Severity threshold) {
    this.threshold = threshold;
  }

  @Override
  public Verdict decide(ScanReport report, ScanContext context) {
    List<String> failing = new ArrayList<>();
    int below = 0;
    for (Finding f : report.activeFindings()) {
      if (threshold != null && f.severity().atLeast(threshold)) {
        failing.add(f.id());
      } else {
        below++;
      }
    }
    if (!failing.isEmpty()) {
      String msg = failing.size() + " finding(s) at or above " + threshold.id();
      return new Verdict(Verdict.Result.FAIL, List.of(msg),
          List.of(new Verdict.FiredRule("fail-on-" + threshold.id(), "fail", msg, failing)));
    }
    if (below > 0) {
      return new Verdict(Verdict.Result.WARN, List.of(below + " finding(s) below the fail-on threshold"), List.of());
    }
    return Verdict.pass();
  }
}
