package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Finding;
import dev.bulwark.secrets.detect.TextFormat;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No field of any finding ever holds a planted secret's full value (nor its tail). */
class RedactionTest {

  @Test
  void plantedSecretsNeverAppearInFindings() throws Exception {
    int checked = 0;
    try (Stream<Path> files = Files.list(Fixtures.path("secrets/detectors"))) {
      for (Path file : files.sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<SecretScanner.Hit> hits = SecretScanner.standard().scan(text, TextFormat.of(file.getFileName().toString()));
        List<Finding> findings = new SecretFileAnalyzer().analyze(Fixtures.file(file), Fixtures.context(file.getParent()));
        assertThat(findings).hasSameSizeAs(hits);
        List<String> fields = new ArrayList<>();
        for (Finding f : findings) {
          fields.add(f.toString());
          fields.add(f.id());
          fields.add(f.title());
          fields.add(String.valueOf(f.description()));
          fields.add(String.valueOf(f.fix()));
          fields.addAll(f.references());
          fields.addAll(f.evidence().values());
          fields.addAll(f.evidence().keySet());
        }
        String all = String.join("\n", fields);
        for (SecretScanner.Hit h : hits) {
          String v = h.value();
          assertThat(all).as(h.detector().id() + " value leaked").doesNotContain(v);
          String tail = v.substring(v.length() - Math.min(8, v.length() / 2));
          if (tail.length() >= 6 && !tail.contains("-----")) {
            assertThat(all).as(h.detector().id() + " value tail leaked").doesNotContain(tail);
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(250);
  }

  @Test
  void prefixIsShortAndHashIsStable() {
    assertThat(Redaction.prefix("ghp_abcdefghijklmnopqrstuvwxyz0123456789")).isEqualTo("ghp_abcd…");
    assertThat(Redaction.prefix("Qm4!xT9pLr2v")).isEqualTo("Qm4…");
    assertThat(Redaction.shortHash("x")).hasSize(12).isEqualTo(Redaction.sha256("x").substring(0, 12));
  }
}
