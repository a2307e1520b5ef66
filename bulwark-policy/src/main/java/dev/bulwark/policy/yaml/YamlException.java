package dev.bulwark.policy.yaml;

/** A YAML text that cannot be read: syntax error or a limit exceeded, with the position when known. */
public final class YamlException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Pos pos;
  private final String problem;

  public YamlException(Pos pos, String problem) {
    super(pos == null ? problem : pos + ": " + problem);
    this.pos = pos;
    this.problem = problem;
  }

  /** Where the problem is; null when unknown. */
  public Pos pos() {
    return pos;
  }

  public String problem() {
    return problem;
  }
}
