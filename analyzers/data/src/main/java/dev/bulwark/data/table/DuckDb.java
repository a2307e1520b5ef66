package dev.bulwark.data.table;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens in-memory DuckDB connections with bounded memory and threads, results streamed. */
public final class DuckDb {

  private DuckDb() {}

  public static Connection open() throws SQLException {
    Properties p = new Properties();
    p.setProperty("jdbc_stream_results", "true");
    Connection c = DriverManager.getConnection("jdbc:duckdb:", p);
    try (Statement s = c.createStatement()) {
      s.execute("SET memory_limit='512MB'");
      s.execute("SET threads=2");
      s.execute("SET preserve_insertion_order=true");
      // No spilling: DuckDB's default for an in-memory database is a ".tmp" folder in the working
      // directory, with names shared by every instance (duckdb/duckdb#15173), and up to 90 % of the disk.
      // Rows are streamed, so 512 MB is plenty; an input that needs more is reported as unreadable.
      s.execute("SET temp_directory=''");
    }
    return c;
  }

  /** A SQL string literal: single quotes doubled. */
  public static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** A quoted identifier: double quotes doubled. */
  public static String identifier(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
