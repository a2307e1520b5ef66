package dev.bulwark.data.mask;

import dev.bulwark.data.detect.ColumnFinding;
import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.data.scan.DatasetReport;
import dev.bulwark.data.scan.DatasetScanner;
import dev.bulwark.data.table.CsvReader;
import dev.bulwark.data.table.CsvWriter;
import dev.bulwark.data.table.DatasetFormat;
import dev.bulwark.data.table.Datasets;
import dev.bulwark.data.table.Gzip;
import dev.bulwark.data.table.DuckDb;
import dev.bulwark.data.table.ParquetReader;
import dev.bulwark.data.table.TableReader;
import dev.bulwark.spi.UnreadableInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes a masked copy of a CSV/TSV or Parquet dataset, streaming row by row so memory stays flat however
 * big the file. The input is never written; the output appears only complete (temp file + atomic rename).
 * Parquet is read through DuckDB, masked in Java, staged as CSV beside the output and written back to
 * Parquet by DuckDB with the original column types for unmasked columns.
 */
public final class DatasetMasker {

  /** Rows sampled to build the detection report for {@code --auto}. */
  public static final long AUTO_SAMPLE_ROWS = 20_000;
  private static final long RULES_SAMPLE_ROWS = 2_000;
  private static final Set<String> NESTED = Set.of("STRUCT", "LIST", "MAP", "UNION", "BLOB", "ARRAY");

  private final MaskRules rules;
  private final boolean auto;
  private final Supplier<MaskKey> key;
  private final TextDetector detector;
  private final Clock clock;

  public DatasetMasker(MaskRules rules, boolean auto, Supplier<MaskKey> key, TextDetector detector, Clock clock) {
    this.rules = rules;
    this.auto = auto;
    this.key = key;
    this.detector = detector;
    this.clock = clock;
  }

  /** Checks that {@code out} is not {@code in} and may be written; throws IllegalArgumentException otherwise. */
  public static void checkPaths(Path in, Path out, boolean overwrite) throws IOException {
    Path a = in.toAbsolutePath().normalize();
    Path b = out.toAbsolutePath().normalize();
    if (a.equals(b) || (Files.exists(b) && Files.isSameFile(a, b))) {
      throw new IllegalArgumentException(out + ": refusing to overwrite the input; choose another output file");
    }
    if (Files.exists(b) && !overwrite) {
      throw new IllegalArgumentException(out + ": already exists (use --force to replace it)");
    }
    if (b.getParent() == null || !Files.isDirectory(b.getParent())) {
      throw new IllegalArgumentException(out + ": the output folder does not exist");
    }
  }

  public MaskSummary mask(Path in, Path out) throws IOException {
    long start = clock.millis();
    String name = in.getFileName().toString();
    byte[] head = Datasets.head(in);
    DatasetFormat format = DatasetFormat.detect(name, head);
    if (Gzip.isGzip(head)) {
      throw new UnreadableInputException(in.toString(), "masking reads uncompressed files; decompress it first (gunzip -k)");
    }
    if (format != DatasetFormat.CSV && format != DatasetFormat.PARQUET && format != DatasetFormat.JSON_LINES) {
      throw new UnreadableInputException(in.toString(), "masking reads CSV/TSV, JSON Lines and Parquet; this file is "
          + (format == null ? "not a dataset Bulwark recognises" : format.toString().toLowerCase(Locale.ROOT)));
    }
    // explicit rules also need the entities of their columns (a pseudonym keeps an e-mail an e-mail)
    DatasetReport sample = auto || !rules.columns().isEmpty() || format == DatasetFormat.JSON_LINES
        ? new DatasetScanner(detector, auto ? AUTO_SAMPLE_ROWS : RULES_SAMPLE_ROWS, 0).scan(in.toString(), in, format, head)
        : null;
    List<ColumnFinding> detected = sample == null ? List.of() : sample.findings();
    MaskSummary summary = switch (format) {
      case CSV -> maskCsv(in, out, head, detected);
      case JSON_LINES -> JsonLinesMasker.mask(in, out, rules, detected, auto, key, detector, sample.columns());
      default -> maskParquet(in, out, detected);
    };
    return new MaskSummary(MaskSummary.SCHEMA, summary.input(), summary.output(), summary.format(), summary.rows(),
        summary.columns(), clock.millis() - start);
  }

  private MaskSummary maskCsv(Path in, Path out, byte[] head, List<ColumnFinding> detected) throws IOException {
    char delimiter = CsvReader.sniffDelimiter(head, in.getFileName().toString());
    long rows = 0;
    RowMasker masker;
    try (TableReader reader = Datasets.open(DatasetFormat.CSV, in.toString(), in, head);
        AtomicOutput output = new AtomicOutput(out)) {
      Map<String, ColumnPlan> plans = MaskPlanner.plan(reader.columns(), rules, detected, auto, key);
      masker = new RowMasker(reader.columns(), plans, detector, rules);
      try (CsvWriter w = new CsvWriter(new BufferedWriter(new OutputStreamWriter(
          Files.newOutputStream(output.temp()), StandardCharsets.UTF_8), 1 << 16), delimiter)) {
        w.write(masker.outputColumns());
        String[] row;
        while ((row = reader.next()) != null) {
          w.write(masker.apply(row));
          rows++;
        }
      }
      output.commit();
      return summary(in, out, "csv", rows, reader.columns(), plans, masker, null);
    }
  }

  private MaskSummary maskParquet(Path in, Path out, List<ColumnFinding> detected) throws IOException {
    long rows = 0;
    try (ParquetReader reader = new ParquetReader(in.toString(), in);
        AtomicOutput staged = new AtomicOutput(out.resolveSibling(out.getFileName() + ".csv"));
        AtomicOutput output = new AtomicOutput(out)) {
      List<String> columns = List.copyOf(reader.columns());
      Map<String, ColumnPlan> plans = MaskPlanner.plan(columns, rules, detected, auto, key);
      RowMasker masker = new RowMasker(columns, plans, detector, rules);
      try (CsvWriter w = new CsvWriter(new BufferedWriter(new OutputStreamWriter(
          Files.newOutputStream(staged.temp()), StandardCharsets.UTF_8), 1 << 16), ',')) {
        w.write(masker.outputColumns());
        String[] row;
        while ((row = reader.next()) != null) {
          w.write(masker.apply(row));
          rows++;
        }
      }
      List<String> select = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        String c = columns.get(i);
        ColumnPlan p = plans.get(c);
        if (p != null && p.drops()) {
          continue;
        }
        String type = reader.types().get(i);
        boolean keepType = p == null && NESTED.stream().noneMatch(type.toUpperCase(Locale.ROOT)::contains);
        select.add(keepType ? "CAST(" + DuckDb.identifier(c) + " AS " + type + ") AS " + DuckDb.identifier(c)
            : DuckDb.identifier(c));
      }
      try (Connection db = DuckDb.open(); Statement s = db.createStatement()) {
        s.execute("COPY (SELECT " + String.join(", ", select) + " FROM read_csv(" + DuckDb.literal(staged.temp().toString())
            + ", header=true, all_varchar=true, delim=',', quote='\"', escape='\"', parallel=false)) TO "
            + DuckDb.literal(output.temp().toString()) + " (FORMAT parquet, COMPRESSION zstd)");
      } catch (SQLException e) {
        throw new IOException(out + ": cannot write Parquet: " + e.getMessage(), e);
      }
      output.commit();
      return summary(in, out, "parquet", rows, columns, plans, masker, reader.types());
    }
  }

  static MaskSummary summary(Path in, Path out, String format, long rows, List<String> columns,
      Map<String, ColumnPlan> plans, RowMasker masker, List<String> types) {
    List<MaskSummary.ColumnSummary> cols = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String c = columns.get(i);
      ColumnPlan p = plans.get(c);
      String type = types == null ? null : types.get(i);
      if (p == null) {
        cols.add(new MaskSummary.ColumnSummary(c, "kept", null, null, null, null, 0, type));
      } else {
        cols.add(new MaskSummary.ColumnSummary(c, p.drops() ? "dropped" : "masked", p.operator().name(),
            p.scope().name().toLowerCase(Locale.ROOT), p.entity() == null ? null : p.entity().id(), p.source(),
            p.drops() ? rows : masker.changed(i), type));
      }
    }
    return new MaskSummary(MaskSummary.SCHEMA, in.toString(), out.toString(), format, rows, cols, 0);
  }
}
