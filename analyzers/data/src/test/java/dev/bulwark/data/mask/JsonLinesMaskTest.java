package dev.bulwark.data.mask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesMaskTest {

  @Test
  void nestedFieldsAreMaskedRecordByRecord(@TempDir Path dir) throws IOException {
    Path in = Fixtures.path("pii-datasets/customers/customers.jsonl");
    Path out = dir.resolve("masked.jsonl");
    MaskSummary s = new DatasetMasker(MaskRules.EMPTY, true,
        () -> MaskKey.of("test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8)), new TextDetector(),
        Fixtures.CLOCK).mask(in, out);
    assertThat(s.format()).isEqualTo("json-lines");
    assertThat(s.rows()).isEqualTo(100);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(100);
    ObjectMapper m = new ObjectMapper();
    JsonNode before = m.readTree(Files.readAllLines(in).get(0));
    JsonNode after = m.readTree(lines.get(0));
    assertThat(after.path("contact").path("email").asText()).contains("@")
        .isNotEqualTo(before.path("contact").path("email").asText());
    assertThat(after.path("product_name")).isEqualTo(before.path("product_name"));
    assertThat(after.path("order_id")).isEqualTo(before.path("order_id"));
    assertThat(s.columns()).filteredOn(c -> c.name().equals("contact.email")).singleElement()
        .satisfies(c -> assertThat(c.changed()).isEqualTo(100));
  }
}
