package dev.bulwark.policy;

import dev.bulwark.policy.yaml.Pos;

/** Maps a position inside a CEL expression to the file position, for plain, quoted and block scalars. */
final class ExpressionPositions {

  private ExpressionPositions() {}

  /**
   * @param valuePos where the YAML scalar starts (its indicator for block scalars)
   * @param exprLine 1-based line within the expression
   * @param exprColumn 0-based column within the expression line
   */
  static Pos map(String text, Pos valuePos, int exprLine, int exprColumn) {
    if (valuePos == null) {
      return null;
    }
    String[] lines = text.split("\n", -1);
    int line0 = valuePos.line() - 1;
    if (line0 < 0 || line0 >= lines.length) {
      return valuePos;
    }
    int col0 = Math.min(valuePos.column() - 1, lines[line0].length());
    char first = col0 < lines[line0].length() ? lines[line0].charAt(col0) : ' ';
    int el = Math.max(1, exprLine);
    int ec = Math.max(0, exprColumn);
    if (first == '|' || first == '>') {
      int start = line0 + 1;
      while (start < lines.length && lines[start].isBlank()) {
        start++;
      }
      if (start >= lines.length) {
        return valuePos;
      }
      int indent = 0;
      while (indent < lines[start].length() && lines[start].charAt(indent) == ' ') {
        indent++;
      }
      return new Pos(start + el, indent + ec + 1);
    }
    boolean quoted = first == '"' || first == '\'';
    if (el == 1) {
      return new Pos(valuePos.line(), valuePos.column() + ec + (quoted ? 1 : 0));
    }
    return new Pos(valuePos.line() + el - 1, ec + 1);
  }
}
