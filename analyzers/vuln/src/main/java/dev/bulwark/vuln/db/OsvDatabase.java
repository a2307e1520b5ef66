package dev.bulwark.vuln.db;

import dev.bulwark.vuln.osv.OsvEntry;
import dev.bulwark.vuln.osv.OsvParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.sqlite.SQLiteConfig;

/**
 * The local OSV database: one SQLite file holding every advisory's JSON (deflated), the affected
 * packages extracted from it and indexed by (base ecosystem, normalised name), aliases and related ids,
 * the imported sources and a {@code meta} table with the schema version and HTTP validators.
 *
 * <p>Not thread-safe: one instance per thread (a scan uses one from its analyzer call).
 */
public final class OsvDatabase implements AutoCloseable {

  public static final int SCHEMA_VERSION = 2;
  private static final int BATCH = 200;

  private final Path file;
  private final Connection connection;
  private final Map<Integer, PreparedStatement> lookups = new HashMap<>();
  private final Map<Integer, PreparedStatement> briefs = new HashMap<>();

  private OsvDatabase(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** {@code ${XDG_CACHE_HOME:-~/.cache}/bulwark/osv.db}. */
  public static Path defaultPath() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
    return cache.resolve("bulwark").resolve("osv.db");
  }

  /** Opens an existing database for reading; throws with the problem when it is missing, unreadable or of another schema. */
  public static OsvDatabase openReadOnly(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("vulnerability database missing at " + file);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    OsvDatabase db = connect(file, config);
    db.checkSchema();
    return db;
  }

  /** Opens a database for writing, creating the file and schema when absent. */
  public static OsvDatabase openForWriting(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    boolean fresh = !Files.exists(file) || Files.size(file) == 0;
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    // a large page cache keeps the index B-trees in memory during a bulk import
    config.setCacheSize(-262_144);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    OsvDatabase db = connect(file, config);
    if (fresh) {
      db.createSchema();
    } else {
      db.checkSchema();
    }
    return db;
  }

  private static OsvDatabase connect(Path file, SQLiteConfig config) throws IOException {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
      return new OsvDatabase(file, c);
    } catch (SQLException e) {
      throw new IOException("cannot open vulnerability database " + file + ": " + e.getMessage(), e);
    }
  }

  private void createSchema() throws IOException {
    try (Statement s = connection.createStatement()) {
      connection.setAutoCommit(false);
      s.executeUpdate("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      s.executeUpdate("CREATE TABLE advisory(id TEXT PRIMARY KEY, modified TEXT, modified_ms INTEGER NOT NULL,"
          + " withdrawn INTEGER NOT NULL, source TEXT NOT NULL, ids TEXT NOT NULL, brief BLOB NOT NULL,"
          + " json BLOB NOT NULL)");
      s.executeUpdate("CREATE TABLE affected(advisory_id TEXT NOT NULL, ecosystem TEXT NOT NULL,"
          + " base_ecosystem TEXT NOT NULL, name TEXT NOT NULL, match TEXT NOT NULL)");
      s.executeUpdate("CREATE INDEX affected_package ON affected(base_ecosystem, name)");
      s.executeUpdate("CREATE INDEX affected_advisory ON affected(advisory_id)");
      s.executeUpdate("CREATE TABLE alias(advisory_id TEXT NOT NULL, alias TEXT NOT NULL, kind TEXT NOT NULL)");
      s.executeUpdate("CREATE INDEX alias_alias ON alias(alias)");
      s.executeUpdate("CREATE INDEX alias_advisory ON alias(advisory_id)");
      s.executeUpdate("CREATE TABLE source(name TEXT PRIMARY KEY, kind TEXT NOT NULL, imported_at TEXT NOT NULL,"
          + " entries INTEGER NOT NULL)");
      s.executeUpdate("INSERT INTO meta(key, value) VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
      connection.commit();
    } catch (SQLException e) {
      throw new IOException("cannot create vulnerability database " + file + ": " + e.getMessage(), e);
    } finally {
      autoCommit();
    }
  }

  private void checkSchema() throws IOException {
    Optional<String> v;
    try {
      v = meta("schema_version");
    } catch (IOException e) {
      throw new IOException(file + " is not a Bulwark vulnerability database (" + e.getMessage() + ")", e);
    }
    if (v.isEmpty() || !v.get().equals(Integer.toString(SCHEMA_VERSION))) {
      throw new IOException(file + " has database schema " + v.orElse("none") + ", this Bulwark reads schema "
          + SCHEMA_VERSION + "; run 'bulwark db update' or import again into a new file");
    }
  }

  public Path file() {
    return file;
  }

  Connection connection() {
    return connection;
  }

  public Optional<String> meta(String key) throws IOException {
    try (PreparedStatement p = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  public void putMeta(String key, String value) throws IOException {
    try (PreparedStatement p = connection.prepareStatement(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
      p.setString(1, key);
      p.setString(2, value);
      p.executeUpdate();
    } catch (SQLException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * The advisories that name any of {@code names} (normalised) in {@code baseEcosystem}, by name, as
   * matching-only views (see {@link MatchData}): id and affected items with their ranges and versions, but
   * no withdrawn flag, aliases or related ids. One indexed query per batch of names over the index table
   * alone and no JSON parsing; a scan reads the rest with {@link #advisories} for the few records that match.
   */
  public Map<String, List<OsvEntry>> lookup(String baseEcosystem, Collection<String> names) throws IOException {
    Map<String, Map<String, List<String>>> rows = new LinkedHashMap<>();
    List<String> all = new ArrayList<>(names);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      try {
        PreparedStatement p = lookupStatement(batch.size());
        p.setString(1, baseEcosystem);
        for (int i = 0; i < batch.size(); i++) {
          p.setString(i + 2, batch.get(i));
        }
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            rows.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>())
                .computeIfAbsent(r.getString(2), k -> new ArrayList<>(2))
                .add(r.getString(3));
          }
        }
      } catch (SQLException e) {
        throw new IOException("vulnerability database " + file + ": " + e.getMessage(), e);
      }
    }
    Map<String, List<OsvEntry>> out = new LinkedHashMap<>();
    for (var byName : rows.entrySet()) {
      List<OsvEntry> list = new ArrayList<>(byName.getValue().size());
      for (var byId : byName.getValue().entrySet()) {
        list.add(MatchData.decode(byId.getKey(), false, "", byId.getValue()));
      }
      out.put(byName.getKey(), list);
    }
    return out;
  }

  /**
   * The records by id as findings need them (see {@code MatchData.brief}: no ranges or versions, details
   * cut at 4,000 characters), parsed once per {@code cache} (one scan). {@link #advisory} returns a whole record.
   */
  public List<OsvEntry> advisories(Collection<String> ids, Map<String, OsvEntry> cache) throws IOException {
    // One query per batch of ids not yet parsed: a point query costs tens of microseconds of JDBC and
    // statement overhead, which dominated scans with thousands of findings.
    List<String> missing = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!cache.containsKey(id) && seen.add(id)) {
        missing.add(id);
      }
    }
    for (int from = 0; from < missing.size(); from += BATCH) {
      List<String> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
      try {
        PreparedStatement p = statement(briefs, batch.size(), "SELECT id, brief FROM advisory WHERE id IN (");
        for (int i = 0; i < batch.size(); i++) {
          p.setString(i + 1, batch.get(i));
        }
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            cache.put(r.getString(1), OsvParser.parse(r.getBytes(2)));
          }
        }
      } catch (SQLException ex) {
        throw new IOException("vulnerability database " + file + ": " + ex.getMessage(), ex);
      }
    }
    List<OsvEntry> out = new ArrayList<>();
    for (String id : ids) {
      OsvEntry e = cache.get(id);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  private PreparedStatement lookupStatement(int size) throws SQLException {
    return statement(lookups, size,
        "SELECT name, advisory_id, match FROM affected WHERE base_ecosystem = ? AND name IN (");
  }

  /** A prepared {@code prefix ?,?,…)} statement with {@code size} placeholders, kept for the connection's life. */
  private PreparedStatement statement(Map<Integer, PreparedStatement> bySize, int size, String prefix) throws SQLException {
    PreparedStatement p = bySize.get(size);
    if (p == null) {
      StringBuilder sql = new StringBuilder(prefix);
      for (int i = 0; i < size; i++) {
        sql.append(i == 0 ? "?" : ",?");
      }
      sql.append(")");
      p = connection.prepareStatement(sql.toString());
      bySize.put(size, p);
    }
    return p;
  }

  /** One advisory by id (or by an alias when no record has that id). */
  public Optional<OsvEntry> advisory(String id) throws IOException {
    try (PreparedStatement p = connection.prepareStatement("SELECT json FROM advisory WHERE id = ?"
        + " UNION ALL SELECT a.json FROM alias x JOIN advisory a ON a.id = x.advisory_id WHERE x.alias = ? LIMIT 1")) {
      p.setString(1, id);
      p.setString(2, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(OsvParser.parse(inflate(r.getBytes(1)))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  static byte[] inflate(byte[] data) throws IOException {
    Inflater inf = new Inflater();
    try {
      inf.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
      byte[] buf = new byte[16384];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          throw new IOException("truncated advisory in database");
        }
        out.write(buf, 0, n);
        if (out.size() > OsvParser.MAX_ENTRY_BYTES) {
          throw new IOException("advisory in database larger than " + OsvParser.MAX_ENTRY_BYTES + " bytes");
        }
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IOException("corrupt advisory in database: " + e.getMessage(), e);
    } finally {
      inf.end();
    }
  }

  private void autoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the connection is broken; close() reports it
    }
  }

  @Override
  public void close() throws IOException {
    try {
      for (PreparedStatement p : lookups.values()) {
        p.close();
      }
      for (PreparedStatement p : briefs.values()) {
        p.close();
      }
      connection.close();
    } catch (SQLException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
