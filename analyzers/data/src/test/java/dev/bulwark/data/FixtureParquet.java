package dev.bulwark.data;

import dev.bulwark.data.table.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** Writes fixtures/pii-datasets/customers/customers.parquet from customers.csv (run once; output committed). */
public final class FixtureParquet {

  public static void main(String[] args) throws Exception {
    Path dir = Path.of("src/test/resources/fixtures/pii-datasets/customers");
    try (Connection c = DuckDb.open(); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT * FROM read_csv(" + DuckDb.literal(dir.resolve("customers.csv").toString())
          + ", header=true, all_varchar=false)) TO " + DuckDb.literal(dir.resolve("customers.parquet").toString())
          + " (FORMAT parquet)");
    }
  }
}
