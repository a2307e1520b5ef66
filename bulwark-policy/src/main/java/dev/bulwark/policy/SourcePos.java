package dev.bulwark.policy;

/** A place in a policy file, 1-based; {@code line} and {@code column} are 0 when unknown. */
public record SourcePos(String file, int line, int column) {

  @Override
  public String toString() {
    return line <= 0 ? file : column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
