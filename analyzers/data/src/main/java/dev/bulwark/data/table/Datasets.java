package dev.bulwark.data.table;

import dev.bulwark.spi.UnreadableInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens a {@link TableReader} for a dataset file of a known {@link DatasetFormat}. */
public final class Datasets {

  private Datasets() {}

  /** Reads the head of a file for format detection. */
  public static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(8192);
    }
  }

  public static DatasetFormat detect(Path file) throws IOException {
    return DatasetFormat.detect(file.getFileName().toString(), head(file));
  }

  /**
   * Like {@link #open}, for counting rows, sampling types and scanning for PII, where one oversized part must not
   * hide the rest: a CSV field longer than {@link CsvReader#MAX_FIELD} is read up to that length, and a JSON Lines
   * record the parser refuses is passed over; both are listed in {@link TableReader#passedOver()}.
   */
  public static TableReader openTolerant(DatasetFormat format, String path, Path file, byte[] head) throws IOException {
    return open(format, path, file, head, true);
  }

  /**
   * A reader over {@code file}; {@code path} names it in messages. Arrow and plain text are not tables
   * here (text is scanned line by line by the caller). A gzip file is inflated within {@link Gzip}'s bound.
   */
  public static TableReader open(DatasetFormat format, String path, Path file, byte[] head) throws IOException {
    return open(format, path, file, head, false);
  }

  private static TableReader open(DatasetFormat format, String path, Path file, byte[] head, boolean tolerant)
      throws IOException {
    if (!Gzip.isGzip(head)) {
      return tolerant(table(format, path, file.getFileName().toString(), head,
          () -> Files.newInputStream(file), file), tolerant);
    }
    if (format == DatasetFormat.PARQUET) {
      throw new UnreadableInputException(path, "gzip-compressed Parquet is not read");
    }
    // unbuffered below the inflater (which reads 8 KiB at a time), so the count of stored bytes read stays close
    CountingInputStream stored = new CountingInputStream(Files.newInputStream(file));
    InputStream inflated;
    try {
      inflated = Gzip.open(path, stored, Gzip.limitFor(Files.size(file)));
    } catch (IOException e) {
      stored.close();
      throw e;
    }
    TableReader inner = tolerant(table(format, path, Gzip.innerName(file.getFileName().toString()),
        Gzip.inflateHead(head, 8192), () -> inflated, file), tolerant);
    return new TableReader() {
      @Override
      public List<String> columns() {
        return inner.columns();
      }

      @Override
      public String[] next() throws IOException {
        return inner.next();
      }

      @Override
      public long bytesRead() {
        return inner.bytesRead();
      }

      @Override
      public long storedBytesRead() {
        return stored.count();
      }

      @Override
      public List<String> passedOver() {
        return inner.passedOver();
      }

      @Override
      public void close() throws IOException {
        inner.close();
      }
    };
  }

  private interface Source {
    InputStream open() throws IOException;
  }

  private static TableReader tolerant(TableReader reader, boolean tolerant) {
    if (!tolerant) {
      return reader;
    }
    if (reader instanceof CsvReader csv) {
      return csv.truncatingLongFields();
    }
    return reader instanceof JsonRecordsReader json ? json.passingOverBadRecords() : reader;
  }

  private static TableReader table(DatasetFormat format, String path, String name, byte[] head, Source source, Path file)
      throws IOException {
    return switch (format) {
      case CSV -> new CsvReader(path, new BufferedInputStream(source.open(), 1 << 16), CsvReader.sniffDelimiter(head, name), true);
      case JSON_LINES -> JsonRecordsReader.jsonLines(path, source.open());
      case JSON_ARRAY -> new JsonRecordsReader(path, new BufferedInputStream(source.open(), 1 << 16));
      case PARQUET -> new ParquetReader(path, file);
      case ARROW, TEXT -> throw new UnreadableInputException(path, format + " files are not read as tables");
    };
  }
}
