package dev.bulwark.iac.docker;

/** A Dockerfile that cannot be parsed (unterminated heredoc, too many instructions), with the line. */
public final class DockerfileException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int line;

  public DockerfileException(int line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
