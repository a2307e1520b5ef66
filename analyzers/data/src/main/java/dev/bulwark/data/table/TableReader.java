package dev.bulwark.data.table;

import java.io.IOException;
import java.util.List;

/**
 * Streams the rows of a dataset one at a time, so that files larger than memory can be read. Not
 * thread-safe. {@link #columns()} may grow while reading (JSON records that add keys); a row array is aligned
 * with the columns known when it was returned and may be shorter than a later column list.
 */
public interface TableReader extends AutoCloseable {

  /** Column names in order. */
  List<String> columns();

  /** The next row's values (null for a missing value), or null at the end. */
  String[] next() throws IOException;

  /** Bytes consumed so far, for progress and sampling bounds (best effort). */
  long bytesRead();

  /** Bytes of the file as stored consumed so far: {@link #bytesRead()} but for a compressed file. */
  default long storedBytesRead() {
    return bytesRead();
  }

  /**
   * What a tolerant reader ({@link Datasets#openTolerant}) passed over or cut short so far, each entry naming
   * its line ({@code line 7: ...}); at most {@value PassedOver#LISTED} listed, then {@code and N more}.
   */
  default List<String> passedOver() {
    return List.of();
  }

  @Override
  void close() throws IOException;
}
