package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {
  private final SarifReportWriter writer = new SarifReportWriter();

  @Test
  void matchesGolden() throws Exception {
    Goldens.assertMatches("ai-app.sarif", Goldens.render(writer, SampleReports.aiApp()));
  }

  @Test
  void validatesAgainstTheSarifSchema() throws Exception {
    assertThat(JsonSchemas.sarif(Goldens.render(writer, SampleReports.aiApp()))).isEmpty();
    assertThat(JsonSchemas.sarif(Goldens.render(writer, SampleReports.clean()))).isEmpty();
    assertThat(JsonSchemas.sarif(Goldens.render(writer, SampleReports.hostile()))).isEmpty();
  }

  @Test
  void schemaCatchesABrokenLog() throws Exception {
    String broken = Goldens.render(writer, SampleReports.aiApp()).replace("\"level\": \"error\"", "\"level\": \"fatal\"");
    assertThat(JsonSchemas.sarif(broken)).isNotEmpty();
  }

  @Test
  void everyResultHasALocationRuleIndexAndFingerprint() throws Exception {
    JsonNode run = new ObjectMapper().readTree(Goldens.render(writer, SampleReports.aiApp())).get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    for (JsonNode result : run.get("results")) {
      JsonNode loc = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
      assertThat(loc.get("uri").asText()).isNotEmpty().doesNotContain("!");
      assertThat(loc.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
      assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(result.get("ruleId").asText());
      assertThat(result.get("partialFingerprints").get(SarifReportWriter.FINGERPRINT_KEY).asText()).hasSize(20);
    }
  }

  /** The checks GitHub's ingestion applies beyond the schema (sarif-sdk's GH rules), on every sample. */
  @Test
  void meetsGitHubCodeScanningRules() throws Exception {
    for (var report : java.util.List.of(SampleReports.aiApp(), SampleReports.clean(), SampleReports.hostile(),
        SampleReports.large(300))) {
      JsonNode log = new ObjectMapper().readTree(Goldens.render(writer, report));
      assertThat(log.get("$schema").asText()).endsWith("2.1.0.json");
      assertThat(log.get("runs")).hasSize(1);
      JsonNode run = log.get("runs").get(0);
      JsonNode driver = run.get("tool").get("driver");
      assertThat(driver.get("name").asText()).isNotBlank();
      for (JsonNode rule : driver.get("rules")) {
        assertThat(rule.get("shortDescription").get("text").asText()).isNotBlank();
        assertThat(rule.get("fullDescription").get("text").asText()).isNotBlank();
        assertThat(rule.get("help").get("text").asText()).isNotBlank();
        assertThat(Double.parseDouble(rule.get("properties").get("security-severity").asText())).isBetween(0.0, 10.0);
      }
      assertThat(run.get("results").size()).isLessThanOrEqualTo(25_000);
      for (JsonNode result : run.get("results")) {
        assertThat(result.get("message").get("text").asText()).isNotBlank();
        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        String uri = physical.get("artifactLocation").get("uri").asText();
        assertThat(java.net.URI.create(uri).isAbsolute()).as(uri).isFalse();
        assertThat(physical.get("region").get("startLine").asInt()).isPositive();
      }
    }
  }

  @Test
  void archiveMembersPointAtTheOuterFile() throws Exception {
    JsonNode run = new ObjectMapper().readTree(Goldens.render(writer, SampleReports.aiApp())).get("runs").get(0);
    JsonNode member = null;
    for (JsonNode r : run.get("results")) {
      if (r.get("properties").has("bulwark:archiveMember")) {
        member = r;
      }
    }
    assertThat(member).isNotNull();
    assertThat(member.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
        .isEqualTo("models/bundle.zip");
    assertThat(member.get("message").get("text").asText()).contains("models/bundle.zip!archive/data.pkl");
  }

  @Test
  void rulesCarrySeverityAndHelp() throws Exception {
    JsonNode rules = new ObjectMapper().readTree(Goldens.render(writer, SampleReports.aiApp()))
        .get("runs").get(0).get("tool").get("driver").get("rules");
    JsonNode secret = null;
    for (JsonNode r : rules) {
      if (r.get("id").asText().equals("secret/aws-access-key")) {
        secret = r;
      }
    }
    assertThat(secret).isNotNull();
    assertThat(secret.get("helpUri").asText())
        .isEqualTo("https://github.com/bulwark-dev/bulwark/blob/main/docs/rules/secret/aws-access-key.md");
    assertThat(secret.get("properties").get("security-severity").asText()).isEqualTo("8.0");
  }
}
