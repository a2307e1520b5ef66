package dev.bulwark.data.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.data.table.DuckDb;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetMaskerTest {

  private final Supplier<MaskKey> key = () -> MaskKey.of("test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private final Path customers = Fixtures.path("pii-datasets/customers");

  private DatasetMasker masker(MaskRules rules, boolean auto) {
    return new DatasetMasker(rules, auto, key, new TextDetector(), Fixtures.CLOCK);
  }

  @Test
  void rulesFileMasksCsvColumnsAndLeavesTheInputAlone(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.csv");
    Files.copy(customers.resolve("customers.csv"), in);
    byte[] before = Files.readAllBytes(in);
    MaskRules rules = MaskRules.read(Fixtures.path("pii-mask/rules/rules.yaml"), key);
    Path out = dir.resolve("out.csv");
    MaskSummary summary = masker(rules, false).mask(in, out);

    assertThat(Files.readAllBytes(in)).isEqualTo(before);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).doesNotContain("device_mac").startsWith("order_id,full_name,email,phone,card_number");
    String raw = new String(before, StandardCharsets.UTF_8);
    String first = lines.get(1);
    assertThat(first).contains("<PERSON>").containsPattern("\\*{4}-\\*{4}-\\*{4}-\\d{4}|\\*{12}\\d{4}");
    assertThat(summary.rows()).isEqualTo(200);
    assertThat(summary.columns()).filteredOn(c -> c.name().equals("device_mac")).singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo("dropped"));
    assertThat(summary.columns()).filteredOn(c -> c.name().equals("iban")).singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo("kept"));
    // no e-mail of the input survives anywhere in the output
    String masked = Files.readString(out);
    for (String line : raw.lines().skip(1).toList()) {
      String email = line.split(",")[2];
      assertThat(masked).doesNotContain(email);
    }
    // no temp files left behind
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.csv", "out.csv");
    }
  }

  @Test
  void autoMasksEveryDetectedColumnAndTextSpans(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("auto.csv");
    MaskSummary summary = masker(MaskRules.EMPTY, true).mask(customers.resolve("customers.csv"), out);
    assertThat(summary.columns()).filteredOn(c -> c.action().equals("masked")).extracting(MaskSummary.ColumnSummary::name)
        .containsExactly("full_name", "email", "phone", "card_number", "iban", "ssn", "date_of_birth", "client_ip",
            "device_mac", "street_address", "notes");
    String masked = Files.readString(out);
    assertThat(masked).contains("<EMAIL>").contains("Flux Capacitor");
    // the masked copy no longer scans as holding the original entities' values
    String raw = Files.readString(customers.resolve("customers.csv"));
    String firstSsn = raw.lines().skip(1).findFirst().orElseThrow().split(",")[6];
    assertThat(masked).doesNotContain(firstSsn);
  }

  @Test
  void parquetRoundTripKeepsTypesOfUnmaskedColumns(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("masked.parquet");
    MaskSummary summary = masker(MaskRules.EMPTY, true).mask(customers.resolve("customers.parquet"), out);
    assertThat(summary.format()).isEqualTo("parquet");
    assertThat(summary.rows()).isEqualTo(200);
    try (Connection c = DuckDb.open(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*), typeof(any_value(order_id)), typeof(any_value(amount)), "
            + "count(*) FILTER (WHERE email LIKE '%@example.com') FROM read_parquet(" + DuckDb.literal(out.toString()) + ")")) {
      r.next();
      assertThat(r.getLong(1)).isEqualTo(200);
      assertThat(r.getString(2)).isEqualTo("BIGINT");
      assertThat(r.getString(3)).isEqualTo("DOUBLE");
      assertThat(r.getLong(4)).isZero();
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("masked.parquet");
    }
  }

  @Test
  void refusesToOverwriteTheInput(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.csv");
    Files.copy(customers.resolve("customers.csv"), in);
    assertThatThrownBy(() -> DatasetMasker.checkPaths(in, dir.resolve("./in.csv"), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refusing to overwrite the input");
    Path existing = Files.writeString(dir.resolve("existing.csv"), "x");
    assertThatThrownBy(() -> DatasetMasker.checkPaths(in, existing, false)).hasMessageContaining("already exists");
  }

  @Test
  void aFailureLeavesNoPartialOutput(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("broken.csv");
    StringBuilder b = new StringBuilder("name,email\n");
    for (int i = 0; i < 5000; i++) {
      b.append("Ann,ann").append(i).append("@example.com\n");
    }
    b.append("Bob,\"never closed\n");
    Files.writeString(in, b);
    Path out = dir.resolve("out.csv");
    MaskRules rules = new MaskRules(java.util.Map.of("email", new MaskRules.Rule(new MaskOperator.Tag(),
        dev.bulwark.data.mask.ColumnPlan.Scope.VALUE, false)), java.util.Map.of(), null);
    assertThatThrownBy(() -> masker(rules, false).mask(in, out)).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("unterminated");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("broken.csv");
    }
  }

  @Test
  void rulesNamingUnknownColumnsOrOperatorsAreErrors(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("r.yaml"), "columns:\n  email: scramble\n");
    assertThatThrownBy(() -> MaskRules.read(bad, key)).hasMessageContaining("columns.email")
        .hasMessageContaining("unknown masking operator 'scramble'");
    Path unknown = Files.writeString(dir.resolve("u.yaml"), "columns:\n  nosuch: redact\n");
    MaskRules rules = MaskRules.read(unknown, key);
    assertThatThrownBy(() -> masker(rules, false).mask(customers.resolve("customers.csv"), dir.resolve("o.csv")))
        .hasMessageContaining("'nosuch'");
  }

  @Test
  void aFileWithAPartThatCannotBeReadWholeIsRefusedNotMaskedInPart(@TempDir Path dir) throws IOException {
    // the PII scan passes over such a part and scans the rest; masking cannot mask what it cannot read, so it
    // refuses the whole file rather than writing a copy that silently keeps or cuts that part
    Path csv = dev.bulwark.data.scan.OversizedPartsTest.csvWithHugeCell(dir);
    Path jsonl = dev.bulwark.data.scan.OversizedPartsTest.jsonLinesWithBadRecords(dir);
    assertThatThrownBy(() -> masker(MaskRules.EMPTY, true).mask(csv, dir.resolve("out.csv")))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("contacts.csv")
        .hasMessageContaining("field longer than 1048576 characters on line 2");
    assertThatThrownBy(() -> masker(MaskRules.EMPTY, true).mask(jsonl, dir.resolve("out.jsonl")))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("contacts.jsonl")
        .hasMessageContaining("String value length");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("contacts.csv", "contacts.jsonl");
    }
  }

  @Test
  void gzipInputIsRefusedWithAClearMessage(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("customers.csv.gz");
    try (var z = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(customers.resolve("customers.csv"), z);
    }
    assertThatThrownBy(() -> masker(MaskRules.EMPTY, true).mask(gz, dir.resolve("out.csv")))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("customers.csv.gz")
        .hasMessageContaining("decompress it first");
    assertThat(dir.resolve("out.csv")).doesNotExist();
  }
}
