package dev.bulwark.data.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.model.Finding;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One oversized part of a dataset (a cell over the CSV reader's 1 Mi characters, a JSON Lines string over 1 MiB or
 * nesting over 64) must not hide the rest of the file from the PII scan; what was passed over is reported by line.
 */
public class OversizedPartsTest {

  private final DatasetScanner scanner = new DatasetScanner(new TextDetector(), 0, 0);

  public static String contacts(int from, int to, String sep) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append(i).append(sep).append("user").append(i).append("@example.org").append('\n');
    }
    return b.toString();
  }

  public static Path csvWithHugeCell(Path dir) throws IOException {
    // row 2 holds a 1.5 M-character cell; the e-mails around it must still be found
    String huge = "\"" + "lorem ipsum ".repeat(125_000) + "\"";
    return Files.writeString(dir.resolve("contacts.csv"),
        "id,email\n" + "0," + huge + "\n" + contacts(1, 40, ","));
  }

  public static Path jsonLinesWithBadRecords(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      b.append("{\"id\": ").append(i).append(", \"email\": \"user").append(i).append("@example.org\"}\n");
      if (i == 3) {
        b.append("{\"id\": 99, \"email\": \"").append("x".repeat((1 << 20) + 10)).append("\"}\n"); // line 5
      }
      if (i == 9) {
        b.append("{\"id\": 98, \"deep\": ").append("[".repeat(100)).append("]".repeat(100)).append("}\n"); // line 12
      }
    }
    return Files.writeString(dir.resolve("contacts.jsonl"), b);
  }

  @Test
  void aHugeCsvCellIsScannedUpToTheBoundAndTheRestOfTheFileToo(@TempDir Path dir) throws IOException {
    DatasetReport report = scanner.scan("contacts.csv", csvWithHugeCell(dir));
    assertThat(report.rows()).isEqualTo(40);
    assertThat(DatasetScannerTest.pairs(report)).containsExactly("email=email");
    assertThat(report.passedOver()).containsExactly(
        "line 2: field longer than 1048576 characters; only its first 1048576 read");
  }

  @Test
  void aJsonLinesRecordThatIsTooLongOrTooDeepIsPassedOverAndNamed(@TempDir Path dir) throws IOException {
    DatasetReport report = scanner.scan("contacts.jsonl", jsonLinesWithBadRecords(dir));
    assertThat(report.rows()).isEqualTo(40);
    assertThat(DatasetScannerTest.pairs(report)).containsExactly("email=email");
    assertThat(report.passedOver()).hasSize(2);
    assertThat(report.passedOver().get(0)).startsWith("line 5: record not read: ").contains("String value length");
    assertThat(report.passedOver().get(1)).startsWith("line 12: record not read: ").contains("nesting depth");
  }

  @Test
  void theAnalyzerReportsWhatItPassedOverAsAFinding(@TempDir Path dir) throws IOException {
    jsonLinesWithBadRecords(dir);
    List<Finding> findings = new PiiFileAnalyzer().analyze(Fixtures.file(dir.resolve("contacts.jsonl")),
        Fixtures.context(dir));
    assertThat(findings).extracting(Finding::rule).containsExactlyInAnyOrder("pii/email", PiiFileAnalyzer.PARTLY_SCANNED);
    Finding partly = findings.stream().filter(f -> f.rule().equals(PiiFileAnalyzer.PARTLY_SCANNED)).findFirst().orElseThrow();
    assertThat(partly.location().path()).isEqualTo("contacts.jsonl");
    assertThat(partly.location().line()).isEqualTo(5);
    assertThat(partly.evidence().get("passedOver")).contains("line 5: ", "line 12: ");
  }

  @Test
  void aRecordWrittenOverSeveralLinesStaysOneRecord(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("pretty.jsonl"),
        "{\"id\": 1,\n \"note\": \"a } and a \\\" inside\",\n \"email\": \"ann@example.org\"}\n\n{\"id\": 2, \"email\": \"bob@example.org\"}\n");
    DatasetReport report = scanner.scan("pretty.jsonl", file);
    assertThat(report.rows()).isEqualTo(2);
    assertThat(report.columns()).containsExactly("id", "note", "email");
    assertThat(report.passedOver()).isEmpty();
  }
}
