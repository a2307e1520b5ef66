package dev.bulwark.cli;

import java.nio.file.Path;
import java.util.Locale;

/** One {@code -o FORMAT[=FILE]}: a format name and a file, or stdout when the file is null. */
record OutputSpec(String format, Path file) {

  static OutputSpec parse(String text) {
    int eq = text.indexOf('=');
    String format = (eq < 0 ? text : text.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
    String file = eq < 0 ? null : text.substring(eq + 1).trim();
    if (format.isEmpty()) {
      throw new IllegalArgumentException("empty format in '-o " + text + "' (expected FORMAT[=FILE])");
    }
    if (file != null && file.isEmpty()) {
      throw new IllegalArgumentException("empty file name in '-o " + text + "' (expected FORMAT[=FILE])");
    }
    return new OutputSpec(format, file == null || file.equals("-") ? null : Path.of(file));
  }
}
