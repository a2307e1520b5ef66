package dev.bulwark.data.scan;

import dev.bulwark.data.PiiEntity;
import dev.bulwark.data.detect.ColumnFinding;
import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.data.table.DatasetFormat;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bulwark scan}'s PII scanner: one finding per (column, entity) of a CSV/TSV, JSON Lines, JSON array
 * or Parquet dataset, and one per hit in a plain-text file. Reads a bounded sample of big files.
 *
 * <p>Settings: {@code pii.maxRows} (default 20000), {@code pii.maxBytes} (default 33554432),
 * {@code pii.region} (ISO country for national phone numbers), {@code pii.minConfidence} (default 0.5),
 * {@code pii.text} (scan .txt/.log files, default true).
 */
public final class PiiFileAnalyzer implements FileAnalyzer {

  /** Rule of the finding that names the parts of a dataset passed over (too long a field, an unreadable record). */
  public static final String PARTLY_SCANNED = "pii/partly-scanned";

  @Override
  public String id() {
    return "pii/datasets";
  }

  @Override
  public Scanner scanner() {
    return Scanner.PII;
  }

  // text files whose content is project metadata, where names, e-mails and versions are expected
  private static final List<String> METADATA_TEXT = List.of("requirements", "constraints", "license", "licence",
      "notice", "copying", "authors", "contributors", "maintainers", "cmakelists", "robots", "third_party",
      "third-party", "thirdparty", "dependencies", "version");

  @Override
  public boolean accepts(ScanFile file) {
    DatasetFormat f = DatasetFormat.detect(file.name(), file.head());
    if (f == DatasetFormat.TEXT) {
      String n = file.name().toLowerCase(Locale.ROOT);
      return METADATA_TEXT.stream().noneMatch(n::startsWith);
    }
    return f != null && f != DatasetFormat.ARROW;
  }

  @Override
  public List<Finding> analyze(ScanFile file, ScanContext context) throws IOException {
    DatasetFormat format = DatasetFormat.detect(file.name(), file.head());
    if (!accepts(file) || format == null || format == DatasetFormat.ARROW
        || (format == DatasetFormat.TEXT && !Boolean.parseBoolean(context.setting("pii.text").orElse("true")))) {
      return List.of();
    }
    long maxRows = longSetting(context, "pii.maxRows", 20_000);
    long maxBytes = longSetting(context, "pii.maxBytes", 32L << 20);
    double min = Double.parseDouble(context.setting("pii.minConfidence").orElse("0.5"));
    TextDetector detector;
    try {
      detector = new TextDetector(context.setting("pii.region").orElse(null), min);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("setting pii.region: " + e.getMessage(), e);
    }
    DatasetScanner scanner = new DatasetScanner(detector, maxRows, maxBytes);
    DatasetReport report;
    Path local = file.localPath().orElse(null);
    if (local != null) {
      report = scanner.scan(file.path(), local, format, file.head());
    } else {
      Path tmp = Files.createTempFile("bulwark-pii", "-" + file.name().replaceAll("[^A-Za-z0-9._-]", "_"));
      try {
        try (InputStream in = file.open()) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        report = scanner.scan(file.path(), tmp, format, file.head());
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return findings(file.path(), report);
  }

  static List<Finding> findings(String path, DatasetReport report) {
    List<Finding> out = new ArrayList<>();
    for (ColumnFinding c : report.findings()) {
      PiiEntity e = c.entity();
      out.add(Finding.builder(Scanner.PII, e.rule(), e.severity(),
              e.title() + " in column '" + c.column() + "'")
          .description(String.format(Locale.ROOT, "%d of %d non-empty values sampled (%.1f%%) in column '%s' hold %s.",
              c.matches(), c.nonEmpty(), c.share() * 100, c.column(), e.title().toLowerCase(Locale.ROOT)))
          .location(Location.of(path))
          .evidence("column", c.column())
          .evidence("share", String.format(Locale.ROOT, "%.3f", c.share()))
          .evidence("confidence", String.format(Locale.ROOT, "%.2f", c.confidence()))
          .evidence("sample", c.sample())
          .evidence("rowsScanned", report.rows())
          .evidence("sampled", !report.complete())
          .fix("Mask or drop the column before training: bulwark data mask " + path + " -o masked --auto")
          .fingerprint("column:" + c.column())
          .build());
    }
    if (!report.passedOver().isEmpty()) {
      out.add(partlyScanned(path, report.passedOver()));
    }
    for (TextHit h : report.textHits()) {
      PiiEntity e = h.entity();
      out.add(Finding.builder(Scanner.PII, e.rule(), e.severity(), e.title() + " in text")
          .location(Location.atLine(path, h.line(), h.column()))
          .evidence("confidence", String.format(Locale.ROOT, "%.2f", h.confidence()))
          .evidence("sample", h.sample())
          .build());
    }
    return out;
  }

  /** One finding for the parts of a file that were not scanned, so that a huge cell cannot hide them unnoticed. */
  private static Finding partlyScanned(String path, List<String> passedOver) {
    String first = passedOver.get(0);
    int line = first.startsWith("line ") ? (int) Math.min(Long.parseLong(first.substring(5, first.indexOf(':'))), Integer.MAX_VALUE) : 0;
    return Finding.builder(Scanner.PII, PARTLY_SCANNED, Severity.LOW, "Dataset only partly scanned for personal data")
        .description("Parts of the file were too large for the reader's bounds and were not scanned (the rest was): "
            + String.join("; ", passedOver) + ".")
        .location(line > 0 ? Location.atLine(path, line) : Location.of(path))
        .evidence("passedOver", String.join("; ", passedOver))
        .fix("Check these records by hand, or split the oversized values out of the dataset.")
        .fingerprint("passed-over")
        .build();
  }

  private static long longSetting(ScanContext context, String key, long def) {
    String v = context.setting(key).orElse(null);
    if (v == null) {
      return def;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " must be a whole number: '" + v + "'", e);
    }
  }
}
