package dev.bulwark.engine;

import dev.bulwark.spi.Limits;
import java.util.concurrent.atomic.AtomicLong;

/** Bytes and files that all archives of one scan may still produce. Thread-safe. */
final class ExpansionBudget {
  private final Limits limits;
  private final AtomicLong extractedBytes = new AtomicLong();
  private final AtomicLong files = new AtomicLong();

  ExpansionBudget(Limits limits) {
    this.limits = limits;
  }

  Limits limits() {
    return limits;
  }

  /** Records {@code n} more extracted bytes; false once the scan-wide limit is passed. */
  boolean spendBytes(long n) {
    return extractedBytes.addAndGet(n) <= limits.maxExtractedBytes();
  }

  /** Records one more file in the tree; false once the file limit is passed. */
  boolean spendFile() {
    return files.incrementAndGet() <= limits.maxFiles();
  }

  long extractedBytes() {
    return extractedBytes.get();
  }
}
