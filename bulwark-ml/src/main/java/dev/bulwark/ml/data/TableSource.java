package dev.bulwark.ml.data;

import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An embedded DuckDB session over tabular files (CSV/TSV, optionally gzip-compressed, Parquet, JSON
 * Lines). Each registered file becomes a view; metrics are SQL aggregates over those views, so the
 * same statements can run on Spark SQL. Memory is bounded by DuckDB's {@code memory_limit}; larger
 * intermediates spill to a temporary directory.
 */
public final class TableSource implements AutoCloseable {
  private final Connection connection;
  private final int threads;
  private Path tempDir;
  private final java.util.Set<Path> bounded = new java.util.HashSet<>();
  private Path linkDir;
  private int links;
  private boolean fullSniff;
  private final Map<String, Path> registered = new LinkedHashMap<>();

  public TableSource(String memoryLimit, int threads) throws SQLException {
    this.connection = DuckDbDriver.connect();
    try (Statement s = connection.createStatement()) {
      s.execute("SET memory_limit='" + memoryLimit.replace("'", "") + "'");
      if (threads > 0) {
        s.execute("SET threads=" + threads);
      }
      this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
      s.execute("SET preserve_insertion_order=false");
      // A directory of this session's own: DuckDB names its spill files the same in every database
      // instance (duckdb/duckdb#15173), so two runs, or the fairness and drift gate analyzers of one
      // scan, sharing a directory read each other's blocks, and the first to close deletes the other's.
      // Spilling is bounded too: a huge or hostile input fails instead of filling the disk.
      tempDir = Files.createTempDirectory("bulwark-duckdb-");
      s.execute("SET temp_directory='" + sqlString(tempDir.toString()) + "'");
      s.execute("SET max_temp_directory_size='" + System.getProperty("bulwark.ml.maxTempSize", "8GB").replace("'", "") + "'");
    } catch (IOException e) {
      connection.close();
      throw new SQLException("cannot create a temporary directory for DuckDB: " + e.getMessage(), e);
    } catch (SQLException e) {
      connection.close();
      deleteTempDir();
      throw e;
    }
  }

  public static TableSource open() throws SQLException {
    return new TableSource(System.getProperty("bulwark.ml.memoryLimit", "2GB"),
        Integer.getInteger("bulwark.ml.threads", 0));
  }

  /** Registers {@code file} as view {@code name} and returns its columns with their DuckDB types. */
  public Map<String, String> register(String name, Path file) throws UnreadableInputException {
    String display = file.toString();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UnreadableInputException(display, "not a readable file");
    }
    String reader = readerFor(literalPath(file), file, fullSniff);
    registered.put(name, file);
    if (bounded.add(file) && InputBounds.isGzip(file)) {
      InputBounds.checkGzip(file, display);
    }
    try (Statement s = connection.createStatement()) {
      if (reader.startsWith("read_parquet(")) {
        InputBounds.checkParquet(s, sqlString(literalPath(file).toString()), file, display);
      }
      reader = pinnedDialect(s, reader);
      s.execute("CREATE OR REPLACE VIEW " + quote(name) + " AS SELECT * FROM " + reader);
      Map<String, String> columns = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery("DESCRIBE " + quote(name))) {
        while (rs.next()) {
          columns.put(rs.getString(1), rs.getString(2));
        }
      }
      if (columns.isEmpty()) {
        throw new UnreadableInputException(display, "no columns");
      }
      return columns;
    } catch (SQLException e) {
      throw new UnreadableInputException(display, "cannot read as " + formatName(reader) + ": " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * A CSV reader with the dialect and column types sniffed once, up front: {@code sniff_csv} answers with
   * the equivalent {@code read_csv(..., auto_detect=false, columns={...})} call. Without it DuckDB sniffs
   * the file again each time the view is bound (creation, DESCRIBE, every query), and a query over an
   * explicitly typed reader also runs faster. Anything unexpected falls back to the auto-detecting reader,
   * whose errors name the problem.
   */
  static final int CSV_BUFFER_BYTES = 4 << 20;

  private static String pinnedDialect(Statement s, String reader) {
    if (!reader.startsWith("read_csv(")) {
      return reader;
    }
    // The sniffer reads through the same 4 MiB buffer: with DuckDB's default 32 MiB one, the first sniff in a
    // process took 0.2-0.5 s instead of 0.03-0.2 s, with the same answer on 123 real CSVs.
    String args = reader.substring("read_csv(".length(), reader.length() - 1);
    try (ResultSet rs = s.executeQuery("SELECT Prompt FROM sniff_csv(" + args + ", buffer_size=" + CSV_BUFFER_BYTES + ")")) {
      if (rs.next()) {
        String prompt = rs.getString(1).strip();
        if (prompt.startsWith("FROM read_csv(") && prompt.endsWith(");")) {
          String pinned = prompt.substring("FROM ".length(), prompt.length() - 2);
          // 4 MiB read buffers instead of DuckDB's 32 MiB: the first scan in a process pays for every fresh
          // page it touches, and on this class of machine that made a 282 MB scan 1.3 s instead of 0.97 s;
          // still twice the default 2 MiB maximum line size, which DuckDB requires the buffer to exceed.
          return pinned + (pinned.contains("buffer_size") ? "" : ", buffer_size=" + CSV_BUFFER_BYTES) + ")";
        }
      }
    } catch (SQLException e) {
      // the auto-detecting reader below reports the file's problem
    }
    return reader;
  }

  /** Materializes a view into a table so repeated aggregates do not re-parse the file. */
  public void materialize(String view, String table) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TABLE " + quote(table) + " AS SELECT * FROM " + quote(view));
    }
  }

  public Connection connection() {
    return connection;
  }

  /**
   * A further connection to the same database (its tables and views), for statements that run in
   * parallel with this source's own connection; the caller closes it.
   */
  public Connection newConnection() throws SQLException {
    try {
      return (Connection) connection.getClass().getMethod("duplicate").invoke(connection);
    } catch (ReflectiveOperationException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException("DuckDB connection cannot be duplicated: " + connection.getClass(), e);
    }
  }

  /** How many statements are worth running at once: DuckDB's worker threads. */
  public int parallelism() {
    return threads;
  }

  public long count(String relation) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + quote(relation))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * DuckDB expands glob characters and understands URL schemes in file names; a name using them is
   * read through a symbolic link with a plain name so exactly the given file is read.
   */
  private Path literalPath(Path file) throws UnreadableInputException {
    String abs = file.toAbsolutePath().toString();
    if (abs.chars().noneMatch(ch -> "*?[]{}".indexOf(ch) >= 0) && !abs.contains("://")) {
      return file.toAbsolutePath();
    }
    try {
      if (linkDir == null) {
        linkDir = Files.createTempDirectory("bulwark-ml-");
      }
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      int dot = name.indexOf('.');
      String ext = dot < 0 ? "" : name.substring(dot).replaceAll("[^a-z0-9.]", "");
      Path link = linkDir.resolve("input" + (links++) + ext);
      Files.createSymbolicLink(link, file.toAbsolutePath());
      return link;
    } catch (IOException | UnsupportedOperationException e) {
      throw new UnreadableInputException(file.toString(), "cannot open a file with this name: " + e.getMessage());
    }
  }

  /**
   * Type detection samples the first rows; when a later value does not fit the detected type, call
   * this once: every view is registered again with types detected from all rows (a column that is
   * numeric only at the top becomes text). Returns false when that was already done.
   */
  public boolean detectTypesFromAllRows() throws UnreadableInputException {
    if (fullSniff) {
      return false;
    }
    fullSniff = true;
    for (Map.Entry<String, Path> e : new LinkedHashMap<>(registered).entrySet()) {
      register(e.getKey(), e.getValue());
    }
    return true;
  }

  /** Whether a failure came from a value that does not match the sampled column type. */
  public static boolean isTypeProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (t instanceof SQLException && m != null && (m.contains("Conversion Error") || m.contains("Could not convert")
          || m.contains("sniff") || m.contains("CSV Error"))) {
        return true;
      }
    }
    return false;
  }

  static String readerFor(Path file, Path original, boolean fullSniff) throws UnreadableInputException {
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String path = sqlString(file.toString());
    file = original;
    if (isParquet(file)) {
      return "read_parquet('" + path + "')";
    }
    if (lower.endsWith(".parquet") || lower.endsWith(".pq")) {
      throw new UnreadableInputException(file.toString(), "named Parquet but has no Parquet magic bytes");
    }
    // Only gzip is decompressed, and only when the content is gzip (whatever the name): it is the one
    // compression whose expansion is bounded before reading (InputBounds). A zstd file is read as is.
    String compression = InputBounds.isGzip(file) ? ", compression='gzip'" : ", compression='none'";
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl.gz") || lower.endsWith(".ndjson.gz")) {
      return "read_json('" + path + "', format='newline_delimited'" + compression + (fullSniff ? ", sample_size=-1" : "") + ")";
    }
    if (lower.endsWith(".json") || lower.endsWith(".json.gz")) {
      return "read_json('" + path + "', format='auto'" + compression + (fullSniff ? ", sample_size=-1" : "") + ")";
    }
    // No BOOLEAN/DATE sniffing: "yes"/"no" must stay the user's categories, not become true/false.
    return "read_csv('" + path + "', header=true, auto_type_candidates=['BIGINT', 'DOUBLE', 'VARCHAR']" + compression
        + (fullSniff ? ", sample_size=-1" : "") + ")";
  }

  private static boolean isParquet(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
    } catch (IOException e) {
      return false;
    }
  }

  private static String formatName(String reader) {
    return reader.startsWith("read_parquet") ? "Parquet" : reader.startsWith("read_json") ? "JSON" : "CSV";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    String line = nl < 0 ? m : m.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /** DuckDB removes its spill files when the database closes; this removes the directory and any leftovers. */
  private void deleteTempDir() {
    if (tempDir == null) {
      return;
    }
    try (var files = Files.list(tempDir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(tempDir);
    } catch (IOException e) {
      // temporary files only
    }
  }

  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  public static String sqlString(String value) {
    return value.replace("'", "''");
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing left to release
    }
    deleteTempDir();
    if (linkDir != null) {
      try (var links = Files.list(linkDir)) {
        for (Path p : (Iterable<Path>) links::iterator) {
          Files.deleteIfExists(p);
        }
        Files.deleteIfExists(linkDir);
      } catch (IOException e) {
        // temporary links only
      }
    }
  }
}
