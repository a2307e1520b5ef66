package dev.bulwark.secrets.detect;

/** The part of a text a matcher looks at: {@code text[from, to)}, written in {@code format}. */
public record Window(String text, int from, int to, TextFormat format) {

  public Window {
    if (from < 0 || to > text.length() || from > to) {
      throw new IllegalArgumentException("bad window [" + from + ", " + to + ") over " + text.length() + " chars");
    }
  }

  /** The line containing {@code pos}, as [start, end) without the line break. */
  public int lineStart(int pos) {
    int i = pos;
    while (i > 0 && text.charAt(i - 1) != '\n') {
      i--;
    }
    return i;
  }

  public int lineEnd(int pos) {
    int i = pos;
    int n = text.length();
    while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }
}
