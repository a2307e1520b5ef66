package dev.bulwark.data.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.data.table.DatasetFormat;
import dev.bulwark.data.table.Datasets;
import dev.bulwark.data.table.Gzip;
import dev.bulwark.data.table.DuckDb;
import dev.bulwark.data.table.TableReader;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Location;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dataset part of the AI-BOM: CSV/TSV, JSON Lines, Parquet and Arrow files (recognised by content) as
 * {@code data} components with SHA-256, size, row count and column names and types. Parquet counts come
 * from its footer (exact, through DuckDB); Arrow from its message headers; CSV and JSON Lines are counted
 * up to a byte budget ({@code data.catalogBytes}, default 64 MiB) and estimated beyond it, which the
 * component says ({@code bulwark:data:rowsEstimated}).
 */
public final class DatasetCataloger implements Cataloger {

  public static final String FORMAT = "bulwark:data:format";
  public static final String SIZE = "bulwark:data:size";
  public static final String ROWS = "bulwark:data:rows";
  public static final String ROWS_ESTIMATED = "bulwark:data:rowsEstimated";
  public static final String COLUMNS = "bulwark:data:columns";
  public static final String COLUMN_TYPES = "bulwark:data:columnTypes";
  public static final String COLUMN_COUNT = "bulwark:data:columnCount";
  /** {@code gzip} for a compressed file (whose hash and size are those of the file as stored); absent otherwise. */
  public static final String COMPRESSION = "bulwark:data:compression";
  /** What the row count leaves out: records or cells the reader passed over or cut ("line 7: ..."). */
  public static final String PASSED_OVER = "bulwark:data:passedOver";

  private static final long DEFAULT_BUDGET = 64L << 20;
  private static final long ARROW_MAX_MESSAGES = 200_000;
  private static final int TYPE_SAMPLE_ROWS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String id() {
    return "sbom/datasets";
  }

  @Override
  public boolean claims(ScanFile file) {
    DatasetFormat f = DatasetFormat.detect(file.name(), file.head());
    return f == DatasetFormat.CSV || f == DatasetFormat.JSON_LINES || f == DatasetFormat.PARQUET || f == DatasetFormat.ARROW;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    DatasetFormat format = DatasetFormat.detect(file.name(), file.head());
    long budget = context.setting("data.catalogBytes").map(Long::parseLong).orElse(DEFAULT_BUDGET);
    Path local = file.localPath().orElse(null);
    Path tmp = null;
    try {
      if (local == null) {
        tmp = Files.createTempFile("bulwark-data", ".bin");
        try (InputStream in = file.open()) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        local = tmp;
      }
      Shape shape = switch (format) {
        case PARQUET -> parquet(file.path(), local);
        case ARROW -> arrow(file.path(), local);
        case CSV, JSON_LINES -> text(file.path(), local, format, file.head(), budget);
        default -> throw new UnreadableInputException(file.path(), "not a dataset");
      };
      Component.Builder b = Component.builder(ComponentType.DATA, file.name())
          .ref("data:" + file.path())
          .location(Location.of(file.path()))
          .hash("SHA-256", sha256(local))
          .property(FORMAT, format.name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .property(SIZE, String.valueOf(file.size()))
          .property(ROWS, String.valueOf(shape.rows))
          .property(ROWS_ESTIMATED, String.valueOf(shape.estimated))
          .property(COLUMN_COUNT, String.valueOf(shape.columns.size()))
          .property(COLUMNS, json(new ArrayList<>(shape.columns.keySet())))
          .property(COLUMN_TYPES, json(shape.columns));
      if (Gzip.isGzip(file.head())) {
        b.property(COMPRESSION, "gzip");
      }
      if (!shape.passedOver().isEmpty()) {
        b.property(PASSED_OVER, String.join("; ", shape.passedOver()));
      }
      return List.of(b.build());
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private record Shape(long rows, boolean estimated, Map<String, String> columns, List<String> passedOver) {
    Shape(long rows, boolean estimated, Map<String, String> columns) {
      this(rows, estimated, columns, List.of());
    }
  }

  private static Shape parquet(String path, Path file) throws IOException {
    String src = "read_parquet(" + DuckDb.literal(file.toString()) + ")";
    try (Connection c = DuckDb.open(); Statement s = c.createStatement()) {
      Map<String, String> cols = new LinkedHashMap<>();
      try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + src)) {
        while (r.next()) {
          cols.put(r.getString("column_name"), r.getString("column_type"));
        }
      }
      // the row count is in the footer's row-group metadata: no data pages are read
      try (ResultSet r = s.executeQuery("SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata("
          + DuckDb.literal(file.toString()) + ")")) {
        r.next();
        return new Shape(r.getLong(1), false, cols);
      }
    } catch (SQLException e) {
      String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new UnreadableInputException(path, "not a readable Parquet file: " + m, e);
    }
  }

  private static Shape arrow(String path, Path file) throws IOException {
    ArrowIpc.Info info = ArrowIpc.read(path, file, ARROW_MAX_MESSAGES);
    return new Shape(info.rows(), !info.complete(), columns(info.names(), info.types()));
  }

  private static Shape text(String path, Path file, DatasetFormat format, byte[] head, long budget) throws IOException {
    long size = Files.size(file);
    long rows = 0;
    boolean estimated = false;
    // by position: a header may repeat a name, and each repeat is a column of its own
    List<String> types = new ArrayList<>();
    List<String> names;
    List<String> passedOver;
    try (TableReader reader = Datasets.openTolerant(format, path, file, head)) {
      String[] row;
      while ((row = reader.next()) != null) {
        rows++;
        if (rows <= TYPE_SAMPLE_ROWS) {
          int n = reader.columns().size();
          while (types.size() < n) {
            types.add(null);
          }
          for (int i = 0; i < n; i++) {
            types.set(i, ColumnTypes.widen(types.get(i), i < row.length ? row[i] : null));
          }
        }
        // a compressed file is extrapolated by its stored bytes: its inflated size is not known in advance
        long read = reader.storedBytesRead();
        if (reader.bytesRead() >= budget && read > 0 && read < size) {
          rows = Math.round(rows * (double) size / read);
          estimated = true;
          break;
        }
      }
      names = List.copyOf(reader.columns());
      passedOver = reader.passedOver();
    } catch (IllegalStateException e) {
      throw new UnreadableInputException(path, e.getMessage(), e);
    }
    List<String> typed = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String t = i < types.size() ? types.get(i) : null;
      typed.add(t == null ? "string" : t);
    }
    return new Shape(rows, estimated, columns(names, typed), List.copyOf(passedOver));
  }

  /**
   * Names made unique the way pandas reads a header that repeats one ({@code a, a.1, a.2}), so that a repeated
   * name neither hides a column from the count nor merges two columns' types.
   */
  static Map<String, String> columns(List<String> names, List<String> types) {
    Map<String, String> cols = new LinkedHashMap<>();
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String unique = name;
      while (cols.containsKey(unique)) {
        int n = seen.merge(name, 1, Integer::sum);
        unique = name + "." + n;
      }
      cols.put(unique, types.get(i));
    }
    return cols;
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
