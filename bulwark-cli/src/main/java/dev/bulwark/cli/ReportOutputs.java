package dev.bulwark.cli;

import dev.bulwark.model.ScanReport;
import dev.bulwark.spi.Plugins;
import dev.bulwark.spi.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a report in each requested format. A file is written to a temporary sibling and renamed into
 * place, so a failed write never leaves a half-written report.
 */
final class ReportOutputs {
  private final Map<String, ReportWriter> writers = new LinkedHashMap<>();

  ReportOutputs() {
    for (ReportWriter w : Plugins.load(ReportWriter.class, ReportWriter::format)) {
      writers.putIfAbsent(w.format(), w);
    }
  }

  List<String> formats() {
    return List.copyOf(writers.keySet());
  }

  /** Fails with a usage message before any scanning when a format is unknown or a folder is missing. */
  void check(List<OutputSpec> outputs) throws UsageException {
    for (OutputSpec o : outputs) {
      if (!writers.containsKey(o.format())) {
        throw new UsageException("unknown output format '" + o.format() + "' (available: " + String.join(", ", formats()) + ")");
      }
      if (o.file() != null) {
        Path parent = o.file().toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
          throw new UsageException(o.file() + ": cannot write report: folder " + parent + " does not exist");
        }
        if (Files.isDirectory(o.file())) {
          throw new UsageException(o.file() + ": cannot write report: it is a folder");
        }
      }
    }
  }

  void write(ScanReport report, List<OutputSpec> outputs, PrintStream stdout, boolean colour) throws UsageException {
    for (OutputSpec o : outputs) {
      ReportWriter w = writers.get(o.format());
      try {
        if (o.file() == null) {
          ByteArrayOutputStream buf = new ByteArrayOutputStream();
          w.write(report, buf, colour);
          stdout.write(buf.toByteArray());
          stdout.flush();
        } else {
          writeAtomically(o.file(), out -> w.write(report, out, false));
        }
      } catch (IOException e) {
        throw new UsageException((o.file() == null ? "stdout" : o.file().toString()) + ": cannot write "
            + o.format() + " report: " + e.getMessage());
      }
    }
  }

  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  static void writeAtomically(Path file, Body body) throws IOException {
    Path abs = file.toAbsolutePath();
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.writeTo(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
