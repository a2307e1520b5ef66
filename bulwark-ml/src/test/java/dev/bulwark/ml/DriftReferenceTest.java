package dev.bulwark.ml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ml.data.TableSource;
import dev.bulwark.ml.drift.ColumnDrift;
import dev.bulwark.ml.drift.DriftAnalysis;
import dev.bulwark.ml.drift.DriftRequest;
import dev.bulwark.ml.drift.DriftResult;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DriftReferenceTest {

  @ParameterizedTest
  @ValueSource(strings = {"small", "equal", "large"})
  void everyColumnMatchesScipyAndPandas(String name) throws Exception {
    JsonNode c = Reference.expected().at("/drift/" + name);
    Path dir = Fixtures.path("drift/" + name);
    DriftRequest request = new DriftRequest(dir.resolve(c.get("reference").asText()), dir.resolve(c.get("current").asText()),
        List.of(), List.of(), List.of(), DriftRequest.Thresholds.defaults());
    DriftResult result;
    try (TableSource source = TableSource.open()) {
      result = DriftAnalysis.run(source, request);
    }
    Map<String, ColumnDrift> byName = new java.util.HashMap<>();
    result.columns().forEach(col -> byName.put(col.name(), col));
    Iterator<Map.Entry<String, JsonNode>> it = c.get("columns").fields();
    int checked = 0;
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      ColumnDrift col = byName.get(e.getKey());
      JsonNode x = e.getValue();
      String at = name + "/" + e.getKey();
      assertThat(col).as(at).isNotNull();
      assertThat(col.type()).as(at).isEqualTo(x.get("type").asText());
      if (col.type().equals("numeric")) {
        Reference.assertStatistic(at + " ks", col.ks().statistic(), x.at("/ks/statistic").asDouble());
        Reference.assertPValue(at + " ks p", col.ks().pValue().value(), x.at("/ks/pValue").asDouble());
        assertThat(col.ks().method().name().toLowerCase()).isEqualTo(x.at("/ks/method").asText());
        Reference.assertStatistic(at + " wasserstein", col.wasserstein(), x.at("/wasserstein/value").asDouble());
        Reference.assertStatistic(at + " wasserstein normed", col.wassersteinNormed(), x.at("/wasserstein/normed").asDouble());
        long[] ref = col.bins().reference();
        long[] cur = col.bins().current();
        for (int i = 0; i < ref.length; i++) {
          assertThat(ref[i]).as(at + " reference bin " + i).isEqualTo(x.at("/binCounts/reference/" + i).asLong());
          assertThat(cur[i]).as(at + " current bin " + i).isEqualTo(x.at("/binCounts/current/" + i).asLong());
        }
        assertThat(ref.length).isEqualTo(x.at("/binCounts/reference").size());
      } else {
        Reference.assertStatistic(at + " chi2", col.chiSquare().statistic(), x.at("/chiSquare/statistic").asDouble());
        Reference.assertPValue(at + " chi2 p", col.chiSquare().pValue().value(), x.at("/chiSquare/pValue").asDouble());
        assertThat(col.chiSquare().dof()).isEqualTo(x.at("/chiSquare/dof").asInt());
        assertThat(col.bins().labels()).containsExactlyElementsOf(
            java.util.stream.StreamSupport.stream(x.get("categories").spliterator(), false).map(JsonNode::asText).toList());
      }
      Reference.assertStatistic(at + " js", col.jensenShannon(), x.at("/jensenShannon/value").asDouble());
      Reference.assertStatistic(at + " psi", col.psi(), x.at("/psi/value").asDouble());
      checked++;
    }
    assertThat(checked).isEqualTo(result.columns().size());
  }
}
