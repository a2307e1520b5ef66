package dev.bulwark.sbom.java;

import java.nio.file.Path;
import java.util.List;

/**
 * Bounds of one transitive resolution, so that hostile POMs (deep or wide graphs, endless parent chains,
 * huge files, a slow repository) cost a bounded amount: graph depth, dependencies considered, POMs read,
 * bytes per POM and wall time. Also names the folders POMs may be read from.
 *
 * <p>The resolver calls back into Bulwark code ({@link SecurePomReader}) without a way to pass state, so the
 * budget of the resolution running on a thread is published in a thread-local for its duration.
 */
final class ResolutionBudget {

  static final int MAX_DEPTH = 40;
  static final int MAX_DEPENDENCIES = 20_000;
  static final int MAX_POMS = 5_000;
  static final int MAX_POM_BYTES = 2 * 1024 * 1024;

  private static final ThreadLocal<ResolutionBudget> CURRENT = new ThreadLocal<>();

  private final long deadlineNanos;
  private final List<Path> readableRoots;
  private int dependencies;
  private int poms;
  private volatile String exhausted;

  ResolutionBudget(long timeoutMillis, List<Path> readableRoots) {
    this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000;
    this.readableRoots = readableRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  /** Runs {@code body} with this budget published to the resolver's callbacks on this thread. */
  <T, E extends Exception> T run(ThrowingSupplier<T, E> body) throws E {
    ResolutionBudget previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The budget of the resolution running on this thread, or null outside of one. */
  static ResolutionBudget current() {
    return CURRENT.get();
  }

  /** Whether one more dependency at {@code depth} (1 = direct) may be considered. */
  synchronized boolean allowDependency(int depth) {
    if (depth > MAX_DEPTH) {
      return exhaust("the graph is deeper than " + MAX_DEPTH + " levels");
    }
    if (++dependencies > MAX_DEPENDENCIES) {
      return exhaust("more than " + MAX_DEPENDENCIES + " dependencies");
    }
    return checkTime();
  }

  /** Whether one more POM may be read. */
  synchronized boolean allowPom() {
    if (++poms > MAX_POMS) {
      return exhaust("more than " + MAX_POMS + " POMs");
    }
    return checkTime();
  }

  boolean mayRead(Path file) {
    Path p = file.toAbsolutePath().normalize();
    return readableRoots.stream().anyMatch(p::startsWith);
  }

  private boolean checkTime() {
    return System.nanoTime() - deadlineNanos < 0 || exhaust("the time limit");
  }

  private boolean exhaust(String why) {
    if (exhausted == null) {
      exhausted = why;
    }
    return false;
  }

  /** Why the resolution was cut short, or null when it was not. */
  String exhausted() {
    return exhausted;
  }

  @FunctionalInterface
  interface ThrowingSupplier<T, E extends Exception> {
    T get() throws E;
  }
}
