package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.ScanReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;

class CycloneDxReportWriterTest {

  private static List<ScanReport> reports() {
    return List.of(SampleReports.aiApp(), SampleReports.clean(), SampleReports.hostile(), SampleReports.large(500));
  }

  @Test
  void jsonValidatesAgainstCycloneDx16() throws Exception {
    for (ScanReport r : reports()) {
      String json = Goldens.render(new CycloneDxJsonReportWriter(), r);
      assertThat(new JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
          .as(r.target().path()).isEmpty();
    }
  }

  @Test
  void xmlValidatesAgainstCycloneDx16() throws Exception {
    for (ScanReport r : reports()) {
      String xml = Goldens.render(new CycloneDxXmlReportWriter(), r);
      assertThat(new XmlParser().validate(xml.getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
          .as(r.target().path()).isEmpty();
    }
  }

  /**
   * The streaming writer must say what cyclonedx-core-java's own generator says for the same model, with one
   * known difference: the library trims leading and trailing whitespace and control characters off string
   * values (the hostile sample has a value starting with ESC); Bulwark writes values as they are, escaped.
   */
  @Test
  void jsonEqualsWhatCycloneDxCoreJavaGenerates() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    for (ScanReport r : reports()) {
      String ours = Goldens.render(new CycloneDxJsonReportWriter(), r);
      String library = org.cyclonedx.generators.BomGeneratorFactory.createJson(Version.VERSION_16, CycloneDxBom.of(r))
          .toJsonString();
      assertThat(trimmed(mapper.readTree(ours))).as(r.target().path()).isEqualTo(mapper.readTree(library));
      if (!r.target().path().contains("<script>")) { // the hostile sample, compared trimmed above
        assertThat(ours.strip()).as("same field order and layout").isEqualTo(library.strip());
      }
    }
    String hostile = Goldens.render(new CycloneDxJsonReportWriter(), SampleReports.hostile());
    assertThat(hostile).contains("\\u001B[31mred\\u001B[0m");
  }

  private static JsonNode trimmed(JsonNode node) {
    if (node.isTextual()) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(node.asText().trim());
    }
    if (node.isObject()) {
      var copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), trimmed(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      var copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> copy.add(trimmed(n)));
      return copy;
    }
    return node;
  }

  @Test
  void validatorRejectsABrokenBom() throws Exception {
    String json = Goldens.render(new CycloneDxJsonReportWriter(), SampleReports.aiApp())
        .replace("\"type\" : \"library\"", "\"type\" : \"toaster\"");
    assertThat(new JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), Version.VERSION_16)).isNotEmpty();
  }

  @Test
  void carriesGraphVulnerabilitiesAndModelCards() throws Exception {
    ScanReport report = SampleReports.aiApp();
    JsonNode bom = new ObjectMapper().readTree(Goldens.render(new CycloneDxJsonReportWriter(), report));
    assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
    assertThat(bom.get("metadata").get("timestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(bom.get("metadata").get("component").get("name").asText()).isEqualTo("vulnerable-ai-app");
    assertThat(bom.get("components")).hasSize(report.components().size());
    assertThat(bom.get("dependencies")).hasSize(report.components().size() + 1);

    JsonNode log4j = byRef(bom.get("components"), SampleReports.LOG4J);
    assertThat(log4j.get("group").asText()).isEqualTo("org.apache.logging.log4j");
    assertThat(log4j.get("scope").asText()).isEqualTo("required");
    assertThat(log4j.get("licenses").get(0).get("license").get("id").asText()).isEqualTo("Apache-2.0");
    assertThat(log4j.get("hashes").get(0).get("alg").asText()).isEqualTo("SHA-1");
    JsonNode lodash = byRef(bom.get("components"), SampleReports.LODASH);
    assertThat(lodash.get("hashes").get(0).get("content").asText()).hasSize(128);
    assertThat(byRef(bom.get("components"), SampleReports.TYPES_NODE).get("scope").asText()).isEqualTo("excluded");
    assertThat(propertyValues(log4j, "bulwark:location")).containsExactly("java-service/pom.xml:21");

    JsonNode model = byRef(bom.get("components"), "model:models/sentiment.safetensors");
    assertThat(model.get("type").asText()).isEqualTo("machine-learning-model");
    JsonNode card = model.get("modelCard");
    assertThat(card.get("modelParameters").get("task").asText()).isEqualTo("text-classification");
    assertThat(card.get("modelParameters").get("approach").get("type").asText()).isEqualTo("supervised");
    assertThat(card.get("considerations").get("useCases").get(0).asText()).startsWith("Classify");

    JsonNode torchDeps = byRef(bom.get("dependencies"), SampleReports.TRANSFORMERS).get("dependsOn");
    assertThat(torchDeps.toString()).contains(SampleReports.TORCH, SampleReports.NUMPY);

    JsonNode vulns = bom.get("vulnerabilities");
    assertThat(vulns).hasSize(4);
    JsonNode log4shell = vulns.get(0);
    assertThat(log4shell.get("id").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
    assertThat(log4shell.get("source").get("name").asText()).isEqualTo("OSV");
    assertThat(log4shell.get("ratings").get(0).get("method").asText()).isEqualTo("CVSSv31");
    assertThat(log4shell.get("ratings").get(0).get("score").asDouble()).isEqualTo(10.0);
    assertThat(log4shell.get("affects").get(0).get("ref").asText()).isEqualTo(SampleReports.LOG4J);
    assertThat(log4shell.get("references").get(0).get("id").asText()).isEqualTo("CVE-2021-44228");
    JsonNode vexed = null;
    for (JsonNode v : vulns) {
      if (v.get("id").asText().equals("GHSA-p6mc-m468-83gw")) {
        vexed = v;
      }
    }
    assertThat(vexed.get("analysis").get("state").asText()).isEqualTo("not_affected");
    assertThat(vexed.get("analysis").get("justification").asText()).isEqualTo("code_not_reachable");
  }

  @Test
  void isDeterministic() throws Exception {
    assertThat(Goldens.render(new CycloneDxJsonReportWriter(), SampleReports.aiApp()))
        .isEqualTo(Goldens.render(new CycloneDxJsonReportWriter(), SampleReports.aiApp()));
  }

  static JsonNode byRef(JsonNode array, String ref) {
    for (JsonNode n : array) {
      if (ref.equals(n.path("bom-ref").asText(null)) || ref.equals(n.path("ref").asText(null))) {
        return n;
      }
    }
    throw new AssertionError("no " + ref + " in " + array);
  }

  static List<String> propertyValues(JsonNode component, String name) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : component.get("properties")) {
      if (p.get("name").asText().equals(name)) {
        out.add(p.get("value").asText());
      }
    }
    return out;
  }
}
