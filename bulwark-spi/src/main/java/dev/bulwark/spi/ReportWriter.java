package dev.bulwark.spi;

import dev.bulwark.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a report in one format ({@code json}, {@code sarif}, ...). Found with
 * {@link java.util.ServiceLoader}; must be stateless.
 */
public interface ReportWriter {

  /** The name used in {@code -o FORMAT[=FILE]}. */
  String format();

  /** One line for {@code --help}. */
  String description();

  /** Writes the report; must not close {@code out}. {@code colour} is true only for a terminal. */
  void write(ScanReport report, OutputStream out, boolean colour) throws IOException;
}
