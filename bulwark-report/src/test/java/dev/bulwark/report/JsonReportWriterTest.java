package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {
  private final JsonReportWriter writer = new JsonReportWriter();

  @Test
  void matchesGolden() throws Exception {
    Goldens.assertMatches("ai-app.json", Goldens.render(writer, SampleReports.aiApp()));
  }

  @Test
  void cleanScanMatchesGolden() throws Exception {
    Goldens.assertMatches("clean.json", Goldens.render(writer, SampleReports.clean()));
  }

  @Test
  void hasTheContractKeysInOrder() throws Exception {
    JsonNode root = new ObjectMapper().readTree(Goldens.render(writer, SampleReports.aiApp()));
    assertThat(names(root)).containsExactly("schema", "tool", "target", "startedAt", "durationMs", "summary",
        "components", "findings", "outcomes", "verdict");
    assertThat(root.get("schema").asText()).isEqualTo("bulwark/report/v1");
    assertThat(names(root.get("components").get(0))).containsExactly("ref", "type", "group", "name", "version", "purl",
        "ecosystem", "scope", "kind", "firstParty", "locations", "licenses", "hashes", "properties", "dependsOn");
    assertThat(names(root.get("findings").get(0))).containsExactly("id", "scanner", "rule", "severity", "title",
        "description", "component", "location", "evidence", "references", "fix", "aliases", "suppression");
    assertThat(names(root.get("findings").get(0).get("location"))).containsExactly("path", "line", "column", "offset");
    assertThat(names(root.get("outcomes").get(0))).containsExactly("analyzer", "status", "message", "durationMs", "filesSeen");
    assertThat(names(root.get("verdict"))).containsExactly("result", "reasons", "firedRules");
    assertThat(root.get("findings").get(0).get("severity").asText()).isEqualTo("critical");
    assertThat(root.get("summary").get("findings").get("critical").asInt()).isEqualTo(3);
    assertThat(root.get("summary").get("suppressed").asInt()).isEqualTo(2);
  }

  @Test
  void hostileStringsRoundTrip() throws Exception {
    var report = SampleReports.hostile();
    JsonNode root = new ObjectMapper().readTree(Goldens.render(writer, report));
    assertThat(root.get("findings").get(0).get("title").asText()).isEqualTo(report.findings().get(0).title());
    assertThat(root.get("components").get(0).get("properties").get("bulwark:note").asText())
        .isEqualTo(report.components().get(0).properties().get("bulwark:note"));
  }

  @Test
  void isDeterministic() throws Exception {
    assertThat(Goldens.render(writer, SampleReports.aiApp())).isEqualTo(Goldens.render(writer, SampleReports.aiApp()));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
