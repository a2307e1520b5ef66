package dev.bulwark.spi;

import java.io.IOException;

/**
 * Thrown by a cataloger or analyzer when a scanned file is malformed, truncated, too large or otherwise
 * unreadable. The engine turns it into a finding naming the file and the problem; it is not an analyzer
 * failure, because hostile and broken input is normal.
 */
public class UnreadableInputException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final String problem;

  public UnreadableInputException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
    this.problem = problem;
  }

  public UnreadableInputException(String path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.path = path;
    this.problem = problem;
  }

  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }
}
