package dev.bulwark.secrets.detect;

/**
 * Finds candidate secret values in a window. Implementations run in time linear in the window length
 * (hand-written scanners or RE2/J) and are stateless.
 */
@FunctionalInterface
public interface Matcher {

  /** Receives the [start, end) span, in text coordinates, of one candidate secret value. */
  @FunctionalInterface
  interface Sink {
    void candidate(int start, int end);
  }

  void find(Window window, Sink sink);
}
