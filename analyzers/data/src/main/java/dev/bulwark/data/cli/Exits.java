package dev.bulwark.data.cli;

import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;

/** Maps failures to the CLI's exit codes with one clear line on stderr. */
final class Exits {

  static final int OK = 0;
  static final int FOUND = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 3;

  private Exits() {}

  static int report(Exception e, PrintWriter err) {
    if (e instanceof NoSuchFileException n) {
      err.println("bulwark data: " + n.getFile() + ": no such file");
      return USAGE;
    }
    if (e instanceof UnreadableInputException || e instanceof IllegalArgumentException) {
      err.println("bulwark data: " + e.getMessage());
      return USAGE;
    }
    if (e instanceof IOException) {
      err.println("bulwark data: " + e.getMessage());
      return USAGE;
    }
    err.println("bulwark data: internal error: " + e);
    return INTERNAL;
  }
}
