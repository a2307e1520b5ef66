package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableReportWriterTest {

  private static String render(TableReportWriter w, dev.bulwark.model.ScanReport r, boolean colour) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(r, out, colour);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void matchesGoldenWithoutColour() throws Exception {
    Goldens.assertMatches("ai-app.table.txt", render(new TableReportWriter(0), SampleReports.aiApp(), false));
  }

  @Test
  void summarisesAndSortsWorstFirst() throws Exception {
    String text = render(new TableReportWriter(0), SampleReports.aiApp(), false);
    String first = text.lines().toList().get(0);
    assertThat(first).contains("13 components", "12 findings", "3 critical", "3 high", "2 suppressed", "verdict FAIL");
    assertThat(text.indexOf("GHSA-jfh8-c2jp-5v3q")).isLessThan(text.indexOf("aws-access-key"));
    assertThat(text.indexOf("aws-access-key")).isLessThan(text.indexOf("dockerfile-runs-as-root"));
    assertThat(text).contains("FAILED  iac/helm: template values.yaml", "SKIPPED vuln/osv");
    assertThat(text).doesNotContain("\u001b[");
  }

  @Test
  void coloursOnlyWhenAsked() throws Exception {
    assertThat(render(new TableReportWriter(0), SampleReports.aiApp(), true)).contains("\u001b[1;31m");
  }

  @Test
  void fitsTheTerminalWidth() throws Exception {
    String text = render(new TableReportWriter(80), SampleReports.aiApp(), true);
    for (String line : text.replaceAll("\u001b\\[[0-9;]*m", "").lines().skip(2).toList()) {
      if (line.startsWith("critical") || line.startsWith("high") || line.startsWith("medium")) {
        assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
      }
    }
  }

  @Test
  void scannedTextCannotDriveTheTerminal() throws Exception {
    String text = render(new TableReportWriter(0), SampleReports.hostile(), true);
    assertThat(text).doesNotContain("\u001b]0;", "\u0007");
    assertThat(text.replaceAll("\u001b\\[[0-9;]*m", "")).doesNotContain("\u001b");
    assertThat(TableReportWriter.clean("invoice\u202Efdp.exe")).isEqualTo("invoice\uFFFDfdp.exe");
  }

  @Test
  void cleanScan() throws Exception {
    assertThat(render(new TableReportWriter(0), SampleReports.clean(), false))
        .isEqualTo("model.safetensors: 0 components, 0 findings — verdict PASS\n");
  }
}
