package dev.bulwark.vuln.db;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.vuln.osv.OsvParser;
import dev.bulwark.vuln.version.Ecosystems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Imports OSV records into an {@link OsvDatabase} in one transaction: zips laid out like osv.dev's
 * {@code all.zip}, folders holding such zips or OSV JSON files (recursively), single JSON files (one
 * record, an array of records, or an API response {@code {"vulns": [...]}}). A record replaces the stored
 * one only when its {@code modified} is newer, so importing again is idempotent. Files that are not OSV
 * input are skipped with a note; input that claims to be OSV but cannot be read aborts the whole import
 * with an {@link UnreadableInputException} and leaves the database as it was.
 */
public final class OsvImporter {

  /** What one import did. */
  public record Result(int added, int updated, int unchanged, List<String> notes) {
    public int total() {
      return added + updated + unchanged;
    }
  }

  private static final int MAX_ZIP_ENTRIES = 2_000_000;

  private final OsvDatabase db;
  private final PrintStream progress;
  private final Clock clock;
  private final Map<String, Long> existing = new HashMap<>();
  private final Deflater deflater = new Deflater(4); // for JSON files read on the writing thread
  private final byte[] deflateBuffer = new byte[1 << 16];
  private final List<String> notes = new ArrayList<>();
  private PreparedStatement insertAdvisory;
  private PreparedStatement deleteAdvisory;
  private PreparedStatement deleteAffected;
  private PreparedStatement deleteAlias;
  private PreparedStatement insertAffected;
  private PreparedStatement insertAlias;
  private int added;
  private int updated;
  private int unchanged;
  private int sourceEntries;
  private long lastProgress;

  public OsvImporter(OsvDatabase db, PrintStream progress, Clock clock) {
    this.db = db;
    this.progress = progress;
    this.clock = clock;
  }

  /** Imports every path in one transaction; on any failure nothing is written. */
  public Result importAll(List<Path> paths) throws IOException {
    List<NamedSource> sources = new ArrayList<>();
    for (Path p : paths) {
      sources.add(new NamedSource(p.toAbsolutePath().normalize().toString(), p));
    }
    return importSources(sources);
  }

  /** A path to import and the name recorded for it in the {@code source} table (a URL for downloads). */
  public record NamedSource(String name, Path path) {}

  public Result importSources(List<NamedSource> sources) throws IOException {
    Connection c = db.connection();
    try {
      c.setAutoCommit(false);
      prepare(c);
      for (NamedSource s : sources) {
        if (!Files.exists(s.path())) {
          throw new UnreadableInputException(s.path().toString(), "no such file or folder");
        }
        sourceEntries = 0;
        String kind = importPath(s.path(), true);
        if (kind != null) {
          recordSource(c, s.name(), kind);
        }
      }
      c.commit();
      return new Result(added, updated, unchanged, List.copyOf(notes));
    } catch (SQLException e) {
      rollback(c);
      throw new IOException("cannot write vulnerability database " + db.file() + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      rollback(c);
      throw e;
    } finally {
      closeStatements();
      deflater.end();
      try {
        c.setAutoCommit(true);
      } catch (SQLException ignored) {
        // reported by close
      }
    }
  }

  /** Returns the kind of source imported, or null when the path was skipped. */
  private String importPath(Path path, boolean explicit) throws IOException, SQLException {
    if (Files.isDirectory(path)) {
      List<Path> children;
      try (Stream<Path> s = Files.list(path)) {
        children = s.sorted().toList();
      }
      for (Path child : children) {
        if (Files.isDirectory(child)) {
          importPath(child, false);
        } else {
          importPath(child, false);
        }
      }
      return "folder";
    }
    String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".zip")) {
      importZip(path);
      return "zip";
    }
    if (name.endsWith(".json")) {
      byte[] bytes = readBounded(Files.newInputStream(path), path.toString(), Files.size(path));
      if (!importJsonDocument(bytes, path.toString(), explicit)) {
        return null;
      }
      return "json";
    }
    if (explicit) {
      throw new UnreadableInputException(path.toString(), "not an OSV zip or JSON file");
    }
    note("skipped " + path + ": not an OSV zip or JSON file");
    return null;
  }

  /** Marks the end of a zip's records on the hand-over queue. */
  private static final Object END = new Object();

  /**
   * Reads, parses, summarises and compresses the zip's records on a second thread while this one writes
   * them to SQLite: the two halves cost about the same, so a two-core machine imports nearly twice as fast.
   */
  private void importZip(Path path) throws IOException, SQLException {
    int before = added + updated + unchanged;
    java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(512);
    Thread reader = Thread.ofPlatform().name("osv-import-reader").daemon().start(() -> {
      Object last = END;
      try (ZipFile zip = new ZipFile(path.toFile())) {
        Deflater ownDeflater = new Deflater(4);
        byte[] buffer = new byte[1 << 16];
        try {
          int count = 0;
          Enumeration<? extends ZipEntry> entries = zip.entries();
          while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (++count > MAX_ZIP_ENTRIES) {
              throw new UnreadableInputException(path.toString(), "more than " + MAX_ZIP_ENTRIES + " entries");
            }
            if (e.isDirectory() || !e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
              continue;
            }
            String where = path + "!" + e.getName();
            byte[] bytes = readBounded(zip.getInputStream(e), where, e.getSize());
            JsonNode node = readTree(bytes, where);
            queue.put(isRecord(node) ? prepare(node, bytes, where, ownDeflater, buffer)
                : "skipped " + where + ": not an OSV record");
          }
        } finally {
          ownDeflater.end();
        }
      } catch (ZipException e) {
        last = new UnreadableInputException(path.toString(), "not a readable zip (" + e.getMessage() + ")", e);
      } catch (InterruptedException e) {
        return; // the writer gave up; nobody is waiting for the rest
      } catch (IOException | RuntimeException e) {
        last = e;
      }
      try {
        queue.put(last);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      while (true) {
        Object item;
        try {
          item = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("import of " + path + " interrupted", e);
        }
        if (item == END) {
          break;
        } else if (item instanceof Prepared r) {
          write(r);
          tick(path.getFileName().toString());
        } else if (item instanceof String noteText) {
          note(noteText);
        } else if (item instanceof IOException e) {
          throw e;
        } else if (item instanceof RuntimeException e) {
          throw e;
        }
      }
    } finally {
      reader.interrupt();
    }
    progress.printf("imported %s: %d records%n", path.getFileName(), added + updated + unchanged - before);
  }

  /** Returns false when the file is JSON but not OSV (skipped with a note unless given explicitly). */
  private boolean importJsonDocument(byte[] bytes, String where, boolean explicit) throws IOException, SQLException {
    JsonNode node = readTree(bytes, where);
    List<JsonNode> records = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(records::add);
    } else if (node.isObject() && node.path("vulns").isArray() && !node.has("id")) {
      node.path("vulns").forEach(records::add);
    } else {
      records.add(node);
    }
    if (records.isEmpty() || !records.stream().allMatch(OsvImporter::isRecord)) {
      if (explicit) {
        throw new UnreadableInputException(where, "not an OSV record (no 'id' and 'modified')");
      }
      note("skipped " + where + ": JSON but not an OSV record");
      return false;
    }
    for (JsonNode r : records) {
      byte[] own = records.size() == 1 && r == node ? bytes : OsvParser.mapper().writeValueAsBytes(r);
      store(r, own, where);
    }
    return true;
  }

  private static boolean isRecord(JsonNode n) {
    return n.isObject() && n.path("id").isTextual() && !n.path("id").asText().isBlank() && n.has("modified");
  }

  private static JsonNode readTree(byte[] bytes, String where) throws UnreadableInputException {
    try {
      return OsvParser.mapper().readTree(bytes);
    } catch (JacksonException e) {
      throw new UnreadableInputException(where, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UnreadableInputException(where, e.getMessage());
    }
  }

  /** One record ready to write: everything CPU-heavy (summary, match rows, compression) already done. */
  private record Prepared(String id, String modified, long ms, boolean withdrawn, String where, String ids,
      byte[] brief, byte[] deflated, List<String[]> affected, List<String[]> aliases) {}

  private void store(JsonNode node, byte[] json, String where) throws SQLException, UnreadableInputException {
    write(prepare(node, json, where, deflater, deflateBuffer));
  }

  private static Prepared prepare(JsonNode node, byte[] json, String where, Deflater deflater, byte[] buffer)
      throws UnreadableInputException {
    String id = node.path("id").asText();
    String modified = node.path("modified").asText(null);
    long ms = OsvParser.instant(modified).toEpochMilli();
    byte[] brief;
    try {
      brief = MatchData.brief(node);
    } catch (IOException e) {
      throw new UnreadableInputException(where, "cannot summarise record " + id + ": " + e.getMessage());
    }
    Map<String, StringBuilder> packages = new java.util.LinkedHashMap<>();
    for (JsonNode a : node.path("affected")) {
      JsonNode pkg = a.path("package");
      String eco = pkg.path("ecosystem").asText(null);
      String name = pkg.path("name").asText(null);
      if (eco == null || name == null || eco.isBlank() || name.isBlank()) {
        continue;
      }
      String normalised = Ecosystems.normaliseName(eco, name);
      MatchData.append(packages.computeIfAbsent(eco + "\u0000" + normalised, k -> new StringBuilder()), a, eco, name);
    }
    List<String[]> affected = new ArrayList<>();
    for (var e : packages.entrySet()) {
      String eco = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
      affected.add(new String[] {eco, Ecosystems.base(eco), e.getKey().substring(e.getKey().indexOf('\u0000') + 1),
          e.getValue().toString()});
    }
    List<String[]> aliases = new ArrayList<>();
    for (String kind : List.of("aliases", "related")) {
      for (JsonNode alias : node.path(kind)) {
        if (alias.isTextual()) {
          aliases.add(new String[] {alias.asText(), kind.equals("aliases") ? "alias" : "related"});
        }
      }
    }
    return new Prepared(id, modified, ms, node.hasNonNull("withdrawn"), where, MatchData.ids(node), brief,
        deflate(deflater, buffer, json), affected, aliases);
  }

  private void write(Prepared r) throws SQLException {
    sourceEntries++;
    Long old = existing.get(r.id());
    if (old != null && old >= r.ms()) {
      unchanged++;
      return;
    }
    if (old != null) {
      deleteAdvisory.setString(1, r.id());
      deleteAdvisory.executeUpdate();
      deleteAffected.setString(1, r.id());
      deleteAffected.executeUpdate();
      deleteAlias.setString(1, r.id());
      deleteAlias.executeUpdate();
      updated++;
    } else {
      added++;
    }
    existing.put(r.id(), r.ms());
    insertAdvisory.setString(1, r.id());
    insertAdvisory.setString(2, r.modified());
    insertAdvisory.setLong(3, r.ms());
    insertAdvisory.setInt(4, r.withdrawn() ? 1 : 0);
    insertAdvisory.setString(5, r.where());
    insertAdvisory.setString(6, r.ids());
    insertAdvisory.setBytes(7, r.brief());
    insertAdvisory.setBytes(8, r.deflated());
    insertAdvisory.executeUpdate();
    for (String[] a : r.affected()) {
      insertAffected.setString(1, r.id());
      insertAffected.setString(2, a[0]);
      insertAffected.setString(3, a[1]);
      insertAffected.setString(4, a[2]);
      insertAffected.setString(5, a[3]);
      insertAffected.addBatch();
    }
    insertAffected.executeBatch();
    for (String[] a : r.aliases()) {
      insertAlias.setString(1, r.id());
      insertAlias.setString(2, a[0]);
      insertAlias.setString(3, a[1]);
      insertAlias.addBatch();
    }
    insertAlias.executeBatch();
  }

  private static byte[] deflate(Deflater deflater, byte[] buffer, byte[] json) {
    deflater.reset();
    deflater.setInput(json);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3 + 64);
    while (!deflater.finished()) {
      int n = deflater.deflate(buffer);
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Reads a whole entry of at most {@link OsvParser#MAX_ENTRY_BYTES}; {@code size} is the declared size or -1. */
  private static byte[] readBounded(InputStream in, String where, long size) throws IOException {
    try (in) {
      if (size >= 0 && size <= OsvParser.MAX_ENTRY_BYTES) {
        byte[] data = in.readNBytes((int) size);
        if (data.length == size && in.read() < 0) {
          return data;
        }
        throw new UnreadableInputException(where, "size differs from the declared " + size + " bytes");
      }
      byte[] data = in.readNBytes(OsvParser.MAX_ENTRY_BYTES + 1);
      if (data.length > OsvParser.MAX_ENTRY_BYTES) {
        throw new UnreadableInputException(where, "larger than " + OsvParser.MAX_ENTRY_BYTES + " bytes");
      }
      return data;
    }
  }

  private void prepare(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, modified_ms FROM advisory")) {
      while (r.next()) {
        existing.put(r.getString(1), r.getLong(2));
      }
    }
    insertAdvisory = c.prepareStatement(
        "INSERT INTO advisory(id, modified, modified_ms, withdrawn, source, ids, brief, json)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    deleteAdvisory = c.prepareStatement("DELETE FROM advisory WHERE id = ?");
    deleteAffected = c.prepareStatement("DELETE FROM affected WHERE advisory_id = ?");
    deleteAlias = c.prepareStatement("DELETE FROM alias WHERE advisory_id = ?");
    insertAffected = c.prepareStatement(
        "INSERT INTO affected(advisory_id, ecosystem, base_ecosystem, name, match) VALUES (?, ?, ?, ?, ?)");
    insertAlias = c.prepareStatement("INSERT INTO alias(advisory_id, alias, kind) VALUES (?, ?, ?)");
  }

  private void recordSource(Connection c, String name, String kind) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO source(name, kind, imported_at, entries)"
        + " VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET kind = excluded.kind,"
        + " imported_at = excluded.imported_at, entries = excluded.entries")) {
      p.setString(1, name);
      p.setString(2, kind);
      p.setString(3, clock.instant().toString());
      p.setInt(4, sourceEntries);
      p.executeUpdate();
    }
  }

  private void tick(String what) {
    long now = System.nanoTime();
    if (now - lastProgress > 2_000_000_000L) {
      lastProgress = now;
      progress.printf("importing %s: %d records so far%n", what, added + updated + unchanged);
    }
  }

  private void note(String text) {
    notes.add(text);
    progress.println(text);
  }

  private void closeStatements() {
    for (PreparedStatement p : new PreparedStatement[] {insertAdvisory, deleteAdvisory, deleteAffected, deleteAlias,
        insertAffected, insertAlias}) {
      if (p != null) {
        try {
          p.close();
        } catch (SQLException ignored) {
          // closing after commit or rollback
        }
      }
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the original failure is what the user needs to see
    }
  }
}
