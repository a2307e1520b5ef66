package dev.bulwark.data.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.data.detect.ColumnFinding;
import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.data.table.DatasetFormat;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatasetScannerTest {

  /** Golden expectation: column → entity for the generated customers fixture. */
  static final Set<String> EXPECTED = Set.of(
      "full_name=person", "email=email", "phone=phone", "card_number=credit-card", "iban=iban", "ssn=us-ssn",
      "date_of_birth=date-of-birth", "client_ip=ip-address", "device_mac=mac-address",
      "street_address=street-address", "notes=email", "notes=phone");

  private final DatasetScanner scanner = new DatasetScanner(new TextDetector(), 0, 0);

  @ParameterizedTest
  @ValueSource(strings = {"customers.csv", "customers.tsv", "customers.parquet", "customers.json"})
  void findsEveryPiiColumnAndNothingElse(String name) throws IOException {
    Path file = Fixtures.path("pii-datasets/customers/" + name);
    DatasetReport report = scanner.scan(name, file);
    assertThat(pairs(report)).isEqualTo(new TreeSet<>(EXPECTED));
    assertThat(report.complete()).isTrue();
    for (ColumnFinding f : report.findings()) {
      assertThat(f.sample()).doesNotContainPattern("[A-Za-z0-9]{3}");
    }
  }

  @Test
  void jsonLinesFlattenNestedObjects() throws IOException {
    DatasetReport report = scanner.scan("customers.jsonl", Fixtures.path("pii-datasets/customers/customers.jsonl"));
    assertThat(report.format()).isEqualTo(DatasetFormat.JSON_LINES);
    assertThat(pairs(report)).contains("contact.email=email", "contact.phone=phone", "ssn=us-ssn")
        .doesNotContain("product_name=person", "order_id=credit-card", "amount=phone");
  }

  @Test
  void textFilesReportLocations() throws IOException {
    DatasetReport report = scanner.scan("support-chat.txt", Fixtures.path("pii-datasets/customers/support-chat.txt"));
    assertThat(report.textHits()).hasSize(40);
    assertThat(report.textHits()).allSatisfy(h -> assertThat(h.line() % 2).isZero());
  }

  /**
   * One 3 MB line (a minified dump) with e-mail addresses after its first window and one straddling a
   * window edge: every address is found once, at its column, and the line is never held whole.
   */
  @Test
  void aTextLineLongerThanTheWindowIsScannedToItsEnd(@TempDir Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    java.util.List<Integer> columns = new java.util.ArrayList<>();
    java.util.List<String> addresses = java.util.List.of("first.person@example.org", "edge.case@example.org", "late.one@example.org");
    long[] at = {100, (1 << 16) - 7, 3_000_000};
    for (int i = 0; i < addresses.size(); i++) {
      while (b.length() < at[i]) {
        b.append("lorem ipsum dolor sit amet ");
      }
      b.append(' ');
      columns.add(b.length() + 1);
      b.append(addresses.get(i)).append(' ');
    }
    b.append("\r\nsecond line mail: last.person@example.org\rthird\n");
    Path file = dir.resolve("dump.txt");
    Files.writeString(file, b);
    DatasetReport report = scanner.scan("dump.txt", file);
    assertThat(report.rows()).isEqualTo(3);
    assertThat(report.textHits()).filteredOn(h -> h.entity() == dev.bulwark.data.PiiEntity.EMAIL)
        .extracting(TextHit::line, TextHit::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, columns.get(0)), org.assertj.core.groups.Tuple.tuple(1, columns.get(1)),
            org.assertj.core.groups.Tuple.tuple(1, columns.get(2)), org.assertj.core.groups.Tuple.tuple(2, 19));
  }

  @Test
  void boundedSamplingSaysSo() throws IOException {
    DatasetReport report = new DatasetScanner(new TextDetector(), 50, 0)
        .scan("customers.csv", Fixtures.path("pii-datasets/customers/customers.csv"));
    assertThat(report.rows()).isEqualTo(50);
    assertThat(report.complete()).isFalse();
  }

  @Test
  void malformedCsvIsUnreadableInput(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "a,b\n1,\"unterminated\n");
    assertThatThrownBy(() -> scanner.scan("bad.csv", bad)).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("bad.csv").hasMessageContaining("unterminated");
  }

  @Test
  void malformedParquetIsUnreadableInput(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.parquet");
    Files.write(bad, new byte[] {'P', 'A', 'R', '1', 1, 2, 3, 4, 5});
    assertThatThrownBy(() -> scanner.scan("bad.parquet", bad)).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("bad.parquet");
  }

  static Set<String> pairs(DatasetReport report) {
    return report.findings().stream().map(f -> f.column() + "=" + f.entity().id())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
