package dev.bulwark.vuln.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import dev.bulwark.vuln.osv.OsvEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvDatabaseTest {

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  private OsvImporter.Result importInto(Path db, Path... paths) throws IOException {
    try (OsvDatabase d = OsvDatabase.openForWriting(db)) {
      return new OsvImporter(d, new PrintStream(progress, true, StandardCharsets.UTF_8), Fixtures.CLOCK)
          .importAll(List.of(paths));
    }
  }

  @Test
  void importsFoldersOfJsonIdempotently() throws IOException {
    Path db = tmp.resolve("osv.db");
    OsvImporter.Result first = importInto(db, Fixtures.path("vuln/advisories"));
    assertThat(first.added()).isEqualTo(27);
    OsvImporter.Result again = importInto(db, Fixtures.path("vuln/advisories"));
    assertThat(again.added()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(27);
    try (OsvDatabase d = OsvDatabase.openReadOnly(db)) {
      DatabaseStatus s = DatabaseStatus.of(d);
      assertThat(s.schemaVersion()).isEqualTo(String.valueOf(OsvDatabase.SCHEMA_VERSION));
      assertThat(s.advisories()).isEqualTo(27);
      assertThat(s.ecosystems()).extracting(DatabaseStatus.EcosystemCount::ecosystem).contains("Maven", "PyPI", "npm",
          "AlmaLinux", "Go");
      assertThat(s.sources()).hasSize(1);
      Map<String, List<OsvEntry>> hits = d.lookup("Maven", List.of("org.apache.logging.log4j:log4j-core"));
      assertThat(hits.get("org.apache.logging.log4j:log4j-core")).extracting(OsvEntry::id)
          .containsExactlyInAnyOrder("GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33", "GHSA-p6xc-xr62-6r2g");
      // PEP 503: the index holds normalised names
      assertThat(d.lookup("PyPI", List.of("ascii2text"))).containsKey("ascii2text");
      assertThat(d.advisory("CVE-2021-44228")).map(OsvEntry::id).contains("GHSA-jfh8-c2jp-5v3q");
    }
  }

  @Test
  void reimportReplacesOnlyNewerRecords() throws IOException {
    Path db = tmp.resolve("osv.db");
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Path f = dir.resolve("X.json");
    Files.writeString(f, record("TEST-1", "2024-01-01T00:00:00Z", "old"));
    importInto(db, dir);
    Files.writeString(f, record("TEST-1", "2023-01-01T00:00:00Z", "older"));
    assertThat(importInto(db, dir).unchanged()).isEqualTo(1);
    Files.writeString(f, record("TEST-1", "2025-01-01T00:00:00Z", "new"));
    assertThat(importInto(db, dir).updated()).isEqualTo(1);
    try (OsvDatabase d = OsvDatabase.openReadOnly(db)) {
      assertThat(d.advisory("TEST-1").orElseThrow().summary()).isEqualTo("new");
      assertThat(d.lookup("PyPI", List.of("demo")).get("demo")).hasSize(1);
    }
  }

  @Test
  void zipsAreImportedAndOtherFilesSkippedWithANote() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("mirror"));
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(dir.resolve("PyPI.zip")))) {
      z.putNextEntry(new ZipEntry("TEST-2.json"));
      z.write(record("TEST-2", "2024-01-01T00:00:00Z", "in a zip").getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    Files.writeString(dir.resolve("README.md"), "# not OSV");
    Files.writeString(dir.resolve("manifest.json"), "{\"zips\": {}}");
    OsvImporter.Result r = importInto(tmp.resolve("osv.db"), dir);
    assertThat(r.added()).isEqualTo(1);
    assertThat(r.notes()).hasSize(2).anyMatch(n -> n.contains("README.md")).anyMatch(n -> n.contains("manifest.json"));
  }

  @Test
  void malformedInputAbortsTheWholeImport() throws IOException {
    Path db = tmp.resolve("osv.db");
    importInto(db, Fixtures.path("vuln/advisories/Maven"));
    Path dir = Files.createDirectories(tmp.resolve("bad"));
    Files.writeString(dir.resolve("A.json"), record("TEST-3", "2024-01-01T00:00:00Z", "fine"));
    Files.writeString(dir.resolve("B.json"), "{\"id\": \"TEST-4\", \"modified\": ");
    assertThatThrownBy(() -> importInto(db, dir)).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("B.json").hasMessageContaining("malformed JSON");
    try (OsvDatabase d = OsvDatabase.openReadOnly(db)) {
      assertThat(d.advisory("TEST-3")).isEmpty();
      assertThat(DatabaseStatus.of(d).advisories()).isEqualTo(5);
    }
  }

  @Test
  void aBrokenRecordInAZipAbortsTheImport() throws IOException {
    Path db = tmp.resolve("osv.db");
    Path zip = tmp.resolve("PyPI.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < 2000; i++) {
        z.putNextEntry(new ZipEntry("TEST-" + i + ".json"));
        z.write(record("TEST-" + i, "2024-01-01T00:00:00Z", "n" + i).getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("BROKEN.json"));
      z.write("{\"id\": \"BROKEN\", ".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertThatThrownBy(() -> importInto(db, zip)).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("PyPI.zip!BROKEN.json");
    try (OsvDatabase d = OsvDatabase.openReadOnly(db)) {
      assertThat(DatabaseStatus.of(d).advisories()).isZero();
    }
    Files.writeString(tmp.resolve("not-a.zip"), "plain text");
    assertThatThrownBy(() -> importInto(db, tmp.resolve("not-a.zip"))).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("not a readable zip");
  }

  @Test
  void missingOrForeignDatabasesAreReportedClearly() throws IOException {
    assertThatThrownBy(() -> OsvDatabase.openReadOnly(tmp.resolve("nope.db"))).hasMessageContaining("missing");
    Path foreign = tmp.resolve("foreign.db");
    Files.writeString(foreign, "not sqlite at all, just text that is long enough to be a header............");
    assertThatThrownBy(() -> OsvDatabase.openReadOnly(foreign)).isInstanceOf(IOException.class)
        .hasMessageContaining("foreign.db");
  }

  static String record(String id, String modified, String summary) {
    return "{\"id\": \"" + id + "\", \"modified\": \"" + modified + "\", \"summary\": \"" + summary + "\","
        + " \"affected\": [{\"package\": {\"ecosystem\": \"PyPI\", \"name\": \"Demo\"},"
        + " \"ranges\": [{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"0\"}, {\"fixed\": \"1.0\"}]}]}]}";
  }
}
