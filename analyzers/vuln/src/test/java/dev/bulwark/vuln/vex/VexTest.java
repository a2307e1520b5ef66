package dev.bulwark.vuln.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Suppression;
import dev.bulwark.model.Target;
import dev.bulwark.model.Verdict;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import dev.bulwark.vuln.VulnerabilityAnalyzer;
import dev.bulwark.vuln.db.OsvDatabase;
import dev.bulwark.vuln.db.OsvImporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VexTest {

  @TempDir
  Path tmp;

  private ScanReport report;

  @BeforeEach
  void scan() throws Exception {
    Path db = tmp.resolve("osv.db");
    try (OsvDatabase d = OsvDatabase.openForWriting(db)) {
      new OsvImporter(d, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Fixtures.CLOCK)
          .importAll(List.of(Fixtures.path("vuln/advisories")));
    }
    Inventory inv = Inventory.of(List.of(
        Component.builder(ComponentType.LIBRARY, "log4j-core").group("org.apache.logging.log4j").version("2.14.1")
            .purl("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1").build(),
        Component.builder(ComponentType.LIBRARY, "torch").version("1.13.1").purl("pkg:pypi/torch@1.13.1").build()));
    List<Finding> findings = new VulnerabilityAnalyzer().analyze(inv,
        Fixtures.context(tmp, Map.of("vuln.db", db.toString())));
    report = new ScanReport(new ScanReport.ToolInfo("bulwark", "test"), new Target("app", Target.Type.DIRECTORY, Map.of()),
        Instant.parse("2026-01-01T00:00:00Z"), 1, inv, findings, List.of(), Verdict.pass());
  }

  private Finding byRule(ScanReport r, String rule) {
    return r.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
  }

  @Test
  void openVexMarksNotAffectedAndFixed() throws Exception {
    ScanReport r = new VexStage().apply(report, Fixtures.context(tmp,
        Map.of("vuln.vex", Fixtures.path("vuln/vex/app.openvex.json").toString())));
    Suppression s = byRule(r, "GHSA-p6xc-xr62-6r2g").suppression();
    assertThat(s.kind()).isEqualTo("vex");
    assertThat(s.status()).isEqualTo("not_affected");
    assertThat(s.reason()).startsWith("vulnerable_code_not_in_execute_path: The app configures");
    assertThat(s.source()).endsWith("app.openvex.json");
    // "affected" is recorded but does not suppress
    assertThat(byRule(r, "GHSA-jfh8-c2jp-5v3q").isSuppressed()).isFalse();
    assertThat(byRule(r, "GHSA-jfh8-c2jp-5v3q").evidence()).containsEntry("vex.status", "affected");
    // a statement about the product as a whole applies to its torch finding, matched through an alias
    assertThat(byRule(r, "PYSEC-2025-41").suppression().status()).isEqualTo("fixed");
    assertThat(byRule(r, "GHSA-7rjr-3q55-vv33").isSuppressed()).isFalse();
  }

  @Test
  void cycloneDxVexUsesBomRefsAndStates() throws Exception {
    ScanReport r = VexStage.apply(report, VexReader.read(Fixtures.path("vuln/vex/app.cdx-vex.json")));
    assertThat(byRule(r, "GHSA-7rjr-3q55-vv33").suppression().status()).isEqualTo("not_affected");
    assertThat(byRule(r, "GHSA-jfh8-c2jp-5v3q").isSuppressed()).isFalse();
  }

  @Test
  void writesCycloneDx16VexThatReadsBack() throws Exception {
    ScanReport r = new VexStage().apply(report, Fixtures.context(tmp,
        Map.of("vuln.vex", Fixtures.path("vuln/vex/app.openvex.json").toString())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CycloneDxVexWriter().write(r, out, false);
    JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
    assertThat(doc.path("specVersion").asText()).isEqualTo("1.6");
    JsonNode vulns = doc.path("vulnerabilities");
    assertThat(vulns.size()).isEqualTo(r.findings().size());
    JsonNode p6xc = null;
    for (JsonNode v : vulns) if (v.path("id").asText().equals("GHSA-p6xc-xr62-6r2g")) p6xc = v;
    assertThat(p6xc.path("analysis").path("state").asText()).isEqualTo("not_affected");
    assertThat(p6xc.path("analysis").path("justification").asText()).isEqualTo("code_not_reachable");
    assertThat(p6xc.path("affects").get(0).path("ref").asText())
        .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(p6xc.path("references").toString()).contains("CVE-2021-45105");
    Path written = tmp.resolve("out.vex.json");
    Files.write(written, out.toByteArray());
    ScanReport again = VexStage.apply(report, VexReader.read(written));
    assertThat(byRule(again, "GHSA-p6xc-xr62-6r2g").suppression().status()).isEqualTo("not_affected");
    assertThat(again.findings().stream().filter(Finding::isSuppressed).count())
        .isEqualTo(r.findings().stream().filter(Finding::isSuppressed).count());
  }

  @Test
  void unreadableVexNamesTheFile() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"statements\": [{\"status\": \"not_affected\"}]}");
    assertThatThrownBy(() -> VexReader.read(bad)).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("bad.json").hasMessageContaining("no vulnerability");
    Files.writeString(bad, "{\"hello\": 1}");
    assertThatThrownBy(() -> VexReader.read(bad)).hasMessageContaining("neither OpenVEX");
  }
}
