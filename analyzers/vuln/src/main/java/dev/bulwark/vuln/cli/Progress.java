package dev.bulwark.vuln.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Adapts picocli's error writer to the {@link PrintStream} the importer and downloader report progress to. */
final class Progress {
  private Progress() {}

  static PrintStream stderr(PrintWriter err) {
    return new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        err.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        err.write(new String(b, off, len, StandardCharsets.UTF_8));
      }

      @Override
      public void flush() {
        err.flush();
      }
    }, true, StandardCharsets.UTF_8);
  }
}
