package dev.bulwark.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogerTest {

  private final DatasetCataloger cataloger = new DatasetCataloger();
  private final Path customers = Fixtures.path("pii-datasets/customers");
  private final Path arrow = Fixtures.path("data-catalog/arrow");
  private final Path csv = Fixtures.path("data-catalog/csv");

  private Component one(Path file) throws IOException {
    ScanFile f = Fixtures.file(file);
    assertThat(cataloger.claims(f)).as(file.toString()).isTrue();
    List<Component> c = cataloger.catalog(f, Fixtures.context(file.getParent()));
    assertThat(c).hasSize(1);
    return c.get(0);
  }

  @Test
  void isFoundByServiceLoader() {
    assertThat(ServiceLoader.load(Cataloger.class).stream().map(p -> p.get().id())).contains("sbom/datasets");
  }

  @Test
  void csvHasHashSizeRowsAndTypedColumns() throws Exception {
    Path file = customers.resolve("customers.csv");
    Component c = one(file);
    assertThat(c.type()).isEqualTo(ComponentType.DATA);
    assertThat(c.ref()).isEqualTo("data:customers.csv");
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    assertThat(c.hashes()).containsEntry("SHA-256", sha);
    assertThat(c.properties()).containsEntry(DatasetCataloger.ROWS, "200")
        .containsEntry(DatasetCataloger.ROWS_ESTIMATED, "false")
        .containsEntry(DatasetCataloger.COLUMN_COUNT, "14")
        .containsEntry(DatasetCataloger.SIZE, String.valueOf(Files.size(file)))
        .containsEntry(DatasetCataloger.FORMAT, "csv");
    assertThat(c.properties().get(DatasetCataloger.COLUMNS)).startsWith("[\"order_id\",\"full_name\",\"email\"");
    assertThat(c.properties().get(DatasetCataloger.COLUMN_TYPES)).contains("\"order_id\":\"integer\"",
        "\"amount\":\"double\"", "\"date_of_birth\":\"date\"", "\"email\":\"string\"");
  }

  @Test
  void parquetCountsComeFromTheFooter() throws IOException {
    Component c = one(customers.resolve("customers.parquet"));
    assertThat(c.properties()).containsEntry(DatasetCataloger.ROWS, "200").containsEntry(DatasetCataloger.FORMAT, "parquet")
        .containsEntry(DatasetCataloger.ROWS_ESTIMATED, "false");
    assertThat(c.properties().get(DatasetCataloger.COLUMN_TYPES)).contains("\"order_id\":\"BIGINT\"", "\"amount\":\"DOUBLE\"");
  }

  @Test
  void jsonLinesFlattenNestedKeys() throws IOException {
    Component c = one(customers.resolve("customers.jsonl"));
    assertThat(c.properties()).containsEntry(DatasetCataloger.ROWS, "100").containsEntry(DatasetCataloger.FORMAT, "json-lines");
    assertThat(c.properties().get(DatasetCataloger.COLUMNS)).contains("contact.email");
  }

  @Test
  void arrowFileAndStreamFormats() throws IOException {
    for (String name : List.of("people.arrow", "people.stream")) {
      Component c = one(arrow.resolve(name));
      assertThat(c.properties()).as(name).containsEntry(DatasetCataloger.ROWS, "2500")
          .containsEntry(DatasetCataloger.FORMAT, "arrow")
          .containsEntry(DatasetCataloger.COLUMNS, "[\"id\",\"score\",\"name\",\"active\"]")
          .containsEntry(DatasetCataloger.COLUMN_TYPES, "{\"id\":\"int32\",\"score\":\"float64\",\"name\":\"utf8\",\"active\":\"bool\"}");
    }
  }

  @Test
  void contentDecidesNotTheExtension(@TempDir Path dir) throws IOException {
    Path parquetNamedBin = Files.copy(customers.resolve("customers.parquet"), dir.resolve("part-0000.bin"));
    assertThat(cataloger.claims(Fixtures.file(parquetNamedBin))).isTrue();
    Path binaryNamedCsv = Files.write(dir.resolve("fake.csv"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0, 7});
    assertThat(cataloger.claims(Fixtures.file(binaryNamedCsv))).isFalse();
    Path notJsonl = Files.writeString(dir.resolve("x.jsonl"), "hello world\n");
    assertThat(cataloger.claims(Fixtures.file(notJsonl))).isFalse();
  }

  @Test
  void hugeFilesAreCountedWithinABudgetAndSaySo(@TempDir Path dir) throws IOException {
    List<String> lines = Files.readAllLines(customers.resolve("customers.csv"));
    StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 0; i < 50; i++) {
      lines.subList(1, lines.size()).forEach(l -> b.append(l).append('\n'));
    }
    Path big = Files.writeString(dir.resolve("big.csv"), b);
    List<Component> c = cataloger.catalog(Fixtures.file(big), Fixtures.context(dir, Map.of("data.catalogBytes", "300000")));
    Map<String, String> p = c.get(0).properties();
    assertThat(p).containsEntry(DatasetCataloger.ROWS_ESTIMATED, "true");
    assertThat(Long.parseLong(p.get(DatasetCataloger.ROWS))).isBetween(9000L, 11000L);
    Map<String, String> exact = cataloger.catalog(Fixtures.file(big), Fixtures.context(dir)).get(0).properties();
    assertThat(exact).containsEntry(DatasetCataloger.ROWS, "10000").containsEntry(DatasetCataloger.ROWS_ESTIMATED, "false");
  }

  @Test
  void truncatedArrowIsUnreadable(@TempDir Path dir) throws IOException {
    byte[] all = Files.readAllBytes(arrow.resolve("people.stream"));
    Path cut = Files.write(dir.resolve("cut.arrow"), java.util.Arrays.copyOf(all, 2000));
    assertThatThrownBy(() -> cataloger.catalog(Fixtures.file(cut), Fixtures.context(dir)))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("cut.arrow");
  }

  @Test
  void arrowBatchLengthsThatAreNegativeOrOverflowAreUnreadable(@TempDir Path dir) throws IOException {
    // people.stream's three record batches declare their row counts (int64) at these offsets
    long[] lengthAt = {376, 26712, 53048};
    byte[] all = Files.readAllBytes(arrow.resolve("people.stream"));
    java.nio.ByteBuffer negative = java.nio.ByteBuffer.wrap(all.clone()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertThat(negative.getLong((int) lengthAt[0])).isEqualTo(1000);
    negative.putLong((int) lengthAt[0], -5);
    Path neg = Files.write(dir.resolve("negative.arrows"), negative.array());
    assertThatThrownBy(() -> cataloger.catalog(Fixtures.file(neg), Fixtures.context(dir)))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("negative length -5");
    java.nio.ByteBuffer huge = java.nio.ByteBuffer.wrap(all.clone()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (long at : lengthAt) {
      huge.putLong((int) at, 1L << 62);
    }
    Path big = Files.write(dir.resolve("huge.arrows"), huge.array());
    assertThatThrownBy(() -> cataloger.catalog(Fixtures.file(big), Fixtures.context(dir)))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("overflow");
  }

  @Test
  void byteOrderMarkBeforeAQuotedHeaderIsNotPartOfTheFirstName() throws IOException {
    // Excel's "CSV UTF-8" export: a BOM, then every field quoted
    Component c = one(csv.resolve("bom-quoted-header.csv"));
    assertThat(c.properties()).containsEntry(DatasetCataloger.ROWS, "2")
        .containsEntry(DatasetCataloger.COLUMNS, "[\"id\",\"name\",\"score\"]")
        .containsEntry(DatasetCataloger.COLUMN_TYPES, "{\"id\":\"integer\",\"name\":\"string\",\"score\":\"double\"}");
  }

  @Test
  void aRepeatedHeaderNameIsAColumnOfItsOwn() throws IOException {
    // pandas reads the header a,a,b,a as a, a.1, b, a.2; each keeps its own type
    Component c = one(csv.resolve("repeated-header-names.csv"));
    assertThat(c.properties()).containsEntry(DatasetCataloger.ROWS, "2")
        .containsEntry(DatasetCataloger.COLUMN_COUNT, "4")
        .containsEntry(DatasetCataloger.COLUMNS, "[\"a\",\"a.1\",\"b\",\"a.2\"]")
        .containsEntry(DatasetCataloger.COLUMN_TYPES,
            "{\"a\":\"integer\",\"a.1\":\"string\",\"b\":\"integer\",\"a.2\":\"double\"}");
  }

  @Test
  void delimiterIsFoundWithCarriageReturnLineEndsAndInALoneHeader() throws IOException {
    Component cr = one(csv.resolve("semicolon-cr-line-ends.csv"));
    assertThat(cr.properties()).containsEntry(DatasetCataloger.ROWS, "2")
        .containsEntry(DatasetCataloger.COLUMNS, "[\"id\",\"name\",\"v\"]")
        .containsEntry(DatasetCataloger.COLUMN_TYPES, "{\"id\":\"integer\",\"name\":\"string\",\"v\":\"integer\"}");
    Component header = one(csv.resolve("semicolon-header-only.csv"));
    assertThat(header.properties()).containsEntry(DatasetCataloger.ROWS, "0")
        .containsEntry(DatasetCataloger.COLUMNS, "[\"id\",\"name\",\"value\"]");
  }

  @Test
  void missingValueMarkersDoNotTurnNumbersIntoStrings() throws IOException {
    // NA (R), NaN/nan (pandas), NULL (databases) are missing values, inf is a double: pandas reads id, score and
    // ratio as float64 (id only because of its missing value), label as text
    Component c = one(csv.resolve("missing-value-markers.csv"));
    assertThat(c.properties()).containsEntry(DatasetCataloger.ROWS, "4")
        .containsEntry(DatasetCataloger.COLUMN_TYPES,
            "{\"id\":\"integer\",\"score\":\"double\",\"label\":\"string\",\"ratio\":\"double\"}");
  }

  @Test
  void aFieldLongerThanTheReadersBoundIsCountedNotFatal(@TempDir Path dir) throws IOException {
    // a whole document in one cell: 1.5 M characters, with a delimiter, a quote and a line break inside
    String doc = "x".repeat(750_000) + ", \"\"quoted\"\"\n" + "y".repeat(750_000);
    Path file = Files.writeString(dir.resolve("documents.csv"), "id,text,n\n1,\"" + doc + "\",7\n2,short,8\n");
    Component c = one(file);
    assertThat(c.properties()).containsEntry(DatasetCataloger.ROWS, "2")
        .containsEntry(DatasetCataloger.ROWS_ESTIMATED, "false")
        .containsEntry(DatasetCataloger.COLUMN_TYPES, "{\"id\":\"integer\",\"text\":\"string\",\"n\":\"integer\"}");
  }

  private static Path gzip(Path dir, String name, byte[]... members) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] m : members) {
      try (java.io.OutputStream z = new java.util.zip.GZIPOutputStream(out) {
        @Override
        public void close() throws IOException {
          finish(); // keep the shared buffer open for the next member
        }
      }) {
        z.write(m);
      }
    }
    return Files.write(dir.resolve(name), out.toByteArray());
  }

  @Test
  void gzipDatasetsAreCataloguedFromTheirInflatedContent(@TempDir Path dir) throws Exception {
    byte[] plain = Files.readAllBytes(customers.resolve("customers.csv"));
    Path gz = gzip(dir, "train.csv.gz", plain);
    Component c = one(gz);
    Component uncompressed = one(customers.resolve("customers.csv"));
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(gz)));
    assertThat(c.hashes()).containsEntry("SHA-256", sha);
    assertThat(c.properties()).containsEntry(DatasetCataloger.FORMAT, "csv")
        .containsEntry(DatasetCataloger.COMPRESSION, "gzip")
        .containsEntry(DatasetCataloger.SIZE, String.valueOf(Files.size(gz)))
        .containsEntry(DatasetCataloger.ROWS, "200")
        .containsEntry(DatasetCataloger.ROWS_ESTIMATED, "false")
        .containsEntry(DatasetCataloger.COLUMNS, uncompressed.properties().get(DatasetCataloger.COLUMNS))
        .containsEntry(DatasetCataloger.COLUMN_TYPES, uncompressed.properties().get(DatasetCataloger.COLUMN_TYPES));
    assertThat(uncompressed.properties()).doesNotContainKey(DatasetCataloger.COMPRESSION);

    Component jsonl = one(gzip(dir, "data.jsonl.gz", Files.readAllBytes(customers.resolve("customers.jsonl"))));
    assertThat(jsonl.properties()).containsEntry(DatasetCataloger.FORMAT, "json-lines")
        .containsEntry(DatasetCataloger.COMPRESSION, "gzip").containsEntry(DatasetCataloger.ROWS, "100");
  }

  @Test
  void gzipIsFoundByMagicAndEveryMemberIsCounted(@TempDir Path dir) throws IOException {
    // a tsv named without .gz, written as two gzip members (as `cat a.gz b.gz` or pigz produce)
    Path tsv = gzip(dir, "scores.tsv", "id\tscore\n1\t0.5\n".getBytes(), "2\t0.25\n3\t1.0\n".getBytes());
    Component c = one(tsv);
    assertThat(c.properties()).containsEntry(DatasetCataloger.COMPRESSION, "gzip")
        .containsEntry(DatasetCataloger.ROWS, "3")
        .containsEntry(DatasetCataloger.COLUMN_TYPES, "{\"id\":\"integer\",\"score\":\"double\"}");
  }

  @Test
  void bigGzipDatasetsAreEstimatedFromTheStoredBytes(@TempDir Path dir) throws IOException {
    StringBuilder b = new StringBuilder("id,value,label\n");
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 200_000; i++) {
      b.append(i).append(',').append(random.nextInt(1_000_000)).append(",label").append(random.nextInt(50)).append('\n');
    }
    Path gz = gzip(dir, "big.csv.gz", b.toString().getBytes());
    Map<String, String> p = cataloger.catalog(Fixtures.file(gz), Fixtures.context(dir, Map.of("data.catalogBytes", "2000000")))
        .get(0).properties();
    assertThat(p).containsEntry(DatasetCataloger.ROWS_ESTIMATED, "true");
    assertThat(Long.parseLong(p.get(DatasetCataloger.ROWS))).isBetween(180_000L, 220_000L);
  }

  @Test
  void corruptGzipIsUnreadableNamingTheFile(@TempDir Path dir) throws IOException {
    byte[] all = Files.readAllBytes(gzip(dir, "whole.csv.gz", Files.readAllBytes(customers.resolve("customers.csv"))));
    Path cut = Files.write(dir.resolve("cut.csv.gz"), java.util.Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> cataloger.catalog(Fixtures.file(cut), Fixtures.context(dir)))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("cut.csv.gz")
        .hasMessageContaining("gzip");
  }

  @Test
  void jsonLinesRecordsPassedOverAreNamedBesideTheRowCount(@TempDir Path dir) throws IOException {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      deep.append("{\"a\":");
    }
    deep.append("1").append("}".repeat(100));
    Path f = Files.writeString(dir.resolve("events.jsonl"), "{\"id\": 1}\n" + deep + "\n{\"id\": 3}\n");
    Component c = one(f);
    assertThat(c.properties()).containsEntry(DatasetCataloger.ROWS, "2");
    assertThat(c.properties().get(DatasetCataloger.PASSED_OVER)).startsWith("line 2");
    Component clean = one(Files.writeString(dir.resolve("ok.jsonl"), "{\"id\": 1}\n"));
    assertThat(clean.properties()).doesNotContainKey(DatasetCataloger.PASSED_OVER);
  }
}
