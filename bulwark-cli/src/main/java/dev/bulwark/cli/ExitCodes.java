package dev.bulwark.cli;

/** The exit codes of every bulwark command (the contract CI pipelines rely on). */
public final class ExitCodes {
  /** Passed, or passed with warnings. */
  public static final int PASS = 0;
  /** The gate failed. */
  public static final int GATE_FAILED = 1;
  /** Usage error or unreadable input; the message names the file and the problem. */
  public static final int USAGE = 2;
  /** Internal error, or an analyzer failed (fail closed). */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
