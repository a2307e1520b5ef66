package dev.bulwark.secrets;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based line and column numbers. */
final class LineIndex {

  private final String text;
  private int[] starts;
  private int lines;

  LineIndex(String text) {
    this.text = text;
  }

  private void build() {
    starts = new int[64];
    starts[0] = 0;
    lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = i + 1;
      }
    }
  }

  int line(int offset) {
    if (starts == null) {
      build();
    }
    int i = Arrays.binarySearch(starts, 0, lines, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  int column(int offset) {
    int line = line(offset);
    return offset - starts[line - 1] + 1;
  }

  /** Text of the 1-based line, without its break; empty when out of range. */
  String lineText(int line) {
    if (starts == null) {
      build();
    }
    if (line < 1 || line > lines) {
      return "";
    }
    int s = starts[line - 1];
    int e = line < lines ? starts[line] - 1 : text.length();
    if (e > s && text.charAt(e - 1) == '\r') {
      e--;
    }
    return text.substring(s, Math.max(s, e));
  }
}
