package dev.bulwark.data.table;

import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Parquet rows through DuckDB's {@code read_parquet}, streamed over JDBC; every value as text. */
public final class ParquetReader implements TableReader {

  private final String path;
  private final Connection connection;
  private final Statement statement;
  private final ResultSet rows;
  private final List<String> columns = new ArrayList<>();
  private final List<String> types = new ArrayList<>();
  private final long size;
  private long count;

  public ParquetReader(String path, Path file) throws IOException {
    this.path = path;
    this.size = Files.size(file);
    try {
      connection = DuckDb.open();
      statement = connection.createStatement();
      rows = statement.executeQuery("SELECT * FROM read_parquet(" + DuckDb.literal(file.toString()) + ")");
      ResultSetMetaData md = rows.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnName(i));
        types.add(md.getColumnTypeName(i));
      }
    } catch (SQLException e) {
      closeQuietly();
      throw new UnreadableInputException(path, "not a readable Parquet file: " + firstLine(e.getMessage()), e);
    }
  }

  /** DuckDB's type name of each column ({@code VARCHAR}, {@code BIGINT}, ...). */
  public List<String> types() {
    return types;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public String[] next() throws IOException {
    try {
      if (!rows.next()) {
        return null;
      }
      count++;
      String[] r = new String[columns.size()];
      for (int i = 0; i < r.length; i++) {
        Object o = rows.getObject(i + 1);
        r[i] = o == null ? null : o.toString();
      }
      return r;
    } catch (SQLException e) {
      throw new UnreadableInputException(path, "cannot read Parquet rows: " + firstLine(e.getMessage()), e);
    }
  }

  /** Rows read so far, scaled to an estimate of bytes (Parquet is compressed, so this is approximate). */
  @Override
  public long bytesRead() {
    return count;
  }

  public long fileSize() {
    return size;
  }

  static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException ignored) {
      // best effort while failing
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (rows != null) {
        rows.close();
      }
      if (statement != null) {
        statement.close();
      }
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }
}
