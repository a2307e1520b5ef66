package dev.bulwark.e2e;

import dev.bulwark.cli.BulwarkCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the bulwark CLI in-process, capturing stdout, stderr and the exit code. */
final class Cli {
  record Result(int exitCode, String out, String err) {}

  private Cli() {}

  static synchronized Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setOut(o);
      System.setErr(e);
      var cmd = BulwarkCli.commandLine();
      cmd.setOut(new PrintWriter(o, true));
      cmd.setErr(new PrintWriter(e, true));
      int code = cmd.execute(args);
      o.flush();
      e.flush();
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** The repository root (where examples/ lives). */
  static Path repo() {
    String prop = System.getProperty("bulwark.repo");
    Path p = prop != null ? Path.of(prop) : Path.of("..");
    return p.toAbsolutePath().normalize();
  }

  static Path example() {
    return repo().resolve("examples/vulnerable-ai-app");
  }
}
