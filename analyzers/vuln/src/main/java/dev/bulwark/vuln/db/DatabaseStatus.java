package dev.bulwark.vuln.db;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What {@code bulwark db status} shows: entries and newest {@code modified} per ecosystem, the sources, the schema. */
public record DatabaseStatus(String file, String schemaVersion, long advisories, List<EcosystemCount> ecosystems,
    List<Source> sources) {

  public record EcosystemCount(String ecosystem, long entries, String newestModified) {}

  public record Source(String name, String kind, String importedAt, long entries) {}

  public static DatabaseStatus of(OsvDatabase db) throws IOException {
    try {
      var c = db.connection();
      long total;
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM advisory"); ResultSet r = p.executeQuery()) {
        total = r.next() ? r.getLong(1) : 0;
      }
      List<EcosystemCount> ecos = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT x.base_ecosystem, COUNT(*), MAX(a.modified_ms) FROM (SELECT DISTINCT base_ecosystem, advisory_id"
              + " FROM affected) x JOIN advisory a ON a.id = x.advisory_id GROUP BY x.base_ecosystem"
              + " ORDER BY x.base_ecosystem");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          ecos.add(new EcosystemCount(r.getString(1), r.getLong(2), java.time.Instant.ofEpochMilli(r.getLong(3)).toString()));
        }
      }
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*), MAX(modified_ms) FROM advisory a WHERE NOT EXISTS"
          + " (SELECT 1 FROM affected f WHERE f.advisory_id = a.id)"); ResultSet r = p.executeQuery()) {
        if (r.next() && r.getLong(1) > 0) {
          ecos.add(new EcosystemCount("(no package)", r.getLong(1), java.time.Instant.ofEpochMilli(r.getLong(2)).toString()));
        }
      }
      List<Source> sources = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT name, kind, imported_at, entries FROM source ORDER BY name");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          sources.add(new Source(r.getString(1), r.getString(2), r.getString(3), r.getLong(4)));
        }
      }
      return new DatabaseStatus(db.file().toString(), db.meta("schema_version").orElse("?"), total, ecos, sources);
    } catch (SQLException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
