package dev.bulwark.cli;

import dev.bulwark.engine.Progress;
import java.io.PrintStream;

/**
 * Progress on stderr, only on a terminal and only once a scan has run for a second; one line, rewritten
 * in place, cleared at the end. stdout never carries progress.
 */
final class TerminalProgress implements Progress, AutoCloseable {
  private static final long DELAY_NANOS = 1_000_000_000L;
  private static final long EVERY_NANOS = 200_000_000L;
  private final PrintStream err;
  private final long start = System.nanoTime();
  private long lastPrint;
  private boolean printed;

  TerminalProgress(PrintStream err) {
    this.err = err;
  }

  static Progress forConsole(PrintStream err, boolean quiet) {
    return quiet || System.console() == null ? Progress.NONE : new TerminalProgress(err);
  }

  @Override
  public synchronized void update(String phase, long done, long total) {
    long now = System.nanoTime();
    if (now - start < DELAY_NANOS || now - lastPrint < EVERY_NANOS) {
      return;
    }
    lastPrint = now;
    printed = true;
    String line = switch (phase) {
      case "files" -> String.format("scanning files %d/%d", done, total);
      case "inventory" -> "matching the inventory";
      default -> phase + "…";
    };
    err.print("\r\033[K" + line);
    err.flush();
  }

  @Override
  public synchronized void close() {
    if (printed) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
