package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.ScanReport;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpdxJsonReportWriterTest {
  private final SpdxJsonReportWriter writer = new SpdxJsonReportWriter();

  @Test
  void validatesAgainstTheSpdx23Schema() throws Exception {
    for (ScanReport r : List.of(SampleReports.aiApp(), SampleReports.clean(), SampleReports.hostile(), SampleReports.large(300))) {
      assertThat(JsonSchemas.spdx(Goldens.render(writer, r))).as(r.target().path()).isEmpty();
    }
  }

  @Test
  void schemaCatchesABrokenDocument() throws Exception {
    String broken = Goldens.render(writer, SampleReports.aiApp()).replace("\"algorithm\": \"SHA256\"", "\"algorithm\": \"SHA-256\"");
    assertThat(JsonSchemas.spdx(broken)).isNotEmpty();
  }

  @Test
  void packagesIdsAndRelationships() throws Exception {
    ScanReport report = SampleReports.aiApp();
    JsonNode doc = new ObjectMapper().readTree(Goldens.render(writer, report));
    assertThat(doc.get("creationInfo").get("created").asText()).isEqualTo("2026-01-01T00:00:00Z");
    JsonNode packages = doc.get("packages");
    assertThat(packages).hasSize(report.components().size() + 1);
    Set<String> ids = new HashSet<>();
    for (JsonNode p : packages) {
      assertThat(p.get("SPDXID").asText()).matches("SPDXRef-[A-Za-z0-9.-]+");
      assertThat(ids.add(p.get("SPDXID").asText())).isTrue();
    }
    JsonNode log4j = null;
    for (JsonNode p : packages) {
      if (p.path("externalRefs").path(0).path("referenceLocator").asText().equals(SampleReports.LOG4J)) {
        log4j = p;
      }
    }
    assertThat(log4j).isNotNull();
    assertThat(log4j.get("versionInfo").asText()).isEqualTo("2.14.1");
    assertThat(log4j.get("licenseDeclared").asText()).isEqualTo("Apache-2.0");
    assertThat(log4j.get("checksums").get(0).get("algorithm").asText()).isEqualTo("SHA1");
    String log4jId = log4j.get("SPDXID").asText();
    boolean dependsOnApi = false;
    int describes = 0;
    for (JsonNode r : doc.get("relationships")) {
      for (String field : List.of("spdxElementId", "relatedSpdxElement")) {
        assertThat(ids).as("relationship ends exist").contains(r.get(field).asText().equals("SPDXRef-DOCUMENT")
            ? ids.iterator().next() : r.get(field).asText());
      }
      describes += r.get("relationshipType").asText().equals("DESCRIBES") ? 1 : 0;
      dependsOnApi |= r.get("spdxElementId").asText().equals(log4jId) && r.get("relationshipType").asText().equals("DEPENDS_ON");
    }
    assertThat(describes).isEqualTo(1);
    assertThat(dependsOnApi).isTrue();
  }

  @Test
  void freeTextLicencesBecomeLicenseRefs() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(Goldens.render(writer, SampleReports.aiApp()));
    JsonNode extracted = doc.get("hasExtractedLicensingInfos");
    assertThat(extracted).hasSize(1);
    assertThat(extracted.get(0).get("extractedText").asText()).isEqualTo("SEE LICENSE IN LICENSE.txt");
    String ref = extracted.get(0).get("licenseId").asText();
    boolean used = false;
    for (JsonNode p : doc.get("packages")) {
      if (p.get("name").asText().equals("left-pad-ng")) {
        assertThat(p.get("licenseDeclared").asText()).isEqualTo("(MIT OR Apache-2.0) AND " + ref);
        used = true;
      }
    }
    assertThat(used).isTrue();
  }
}
