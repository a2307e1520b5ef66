package dev.bulwark.data.table;

import dev.bulwark.spi.UnreadableInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
    TableReader reader = open(format, path, file, head);
    if (reader instanceof CsvReader csv) {
      return csv.truncatingLongFields();
    }
    return reader instanceof JsonRecordsReader json ? json.passingOverBadRecords() : reader;
  }

  /**
   * A reader over {@code file}; {@code path} names it in messages. Arrow and plain text are not tables
   * here (text is scanned line by line by the caller).
   */
  public static TableReader open(DatasetFormat format, String path, Path file, byte[] head) throws IOException {
    return switch (format) {
      case CSV -> new CsvReader(path, new BufferedInputStream(Files.newInputStream(file), 1 << 16),
          CsvReader.sniffDelimiter(head, file.getFileName().toString()), true);
      case JSON_LINES -> JsonRecordsReader.jsonLines(path, Files.newInputStream(file));
      case JSON_ARRAY -> new JsonRecordsReader(path, new BufferedInputStream(Files.newInputStream(file), 1 << 16));
      case PARQUET -> new ParquetReader(path, file);
      case ARROW, TEXT -> throw new UnreadableInputException(path, format + " files are not read as tables");
    };
  }
}
