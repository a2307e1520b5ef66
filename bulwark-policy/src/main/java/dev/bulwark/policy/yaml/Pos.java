package dev.bulwark.policy.yaml;

/** A 1-based line and column in a text file. */
public record Pos(int line, int column) {

  public static final Pos START = new Pos(1, 1);

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
