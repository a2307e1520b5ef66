package dev.bulwark.engine;

import dev.bulwark.model.AnalyzerOutcome;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Time, files and the first failure of one analyzer across all worker threads. */
final class AnalyzerStats {
  private final String id;
  private final LongAdder nanos = new LongAdder();
  private final AtomicInteger files = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private final AtomicReference<String> skipReason = new AtomicReference<>();

  AnalyzerStats(String id) {
    this.id = id;
  }

  void ran(long elapsedNanos) {
    nanos.add(elapsedNanos);
    files.incrementAndGet();
  }

  void failed(String message) {
    failures.incrementAndGet();
    firstFailure.compareAndSet(null, message);
  }

  void skipped(String reason) {
    skipReason.compareAndSet(null, reason);
  }

  AnalyzerOutcome outcome() {
    long ms = nanos.sum() / 1_000_000;
    if (firstFailure.get() != null) {
      String more = failures.get() > 1 ? " (and " + (failures.get() - 1) + " more failures)" : "";
      return AnalyzerOutcome.failed(id, firstFailure.get() + more, ms, files.get());
    }
    if (skipReason.get() != null) {
      return new AnalyzerOutcome(id, AnalyzerOutcome.Status.SKIPPED, skipReason.get(), ms, files.get());
    }
    return AnalyzerOutcome.completed(id, ms, files.get());
  }
}
