package dev.bulwark.engine;

/** Receives scan progress; called from worker threads, so implementations must be thread-safe and cheap. */
public interface Progress {
  Progress NONE = (phase, done, total) -> { };

  /** {@code phase} is {@code walk}, {@code files}, {@code inventory} or {@code report}. */
  void update(String phase, long done, long total);
}
