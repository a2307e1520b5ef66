package dev.bulwark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineRulesDocTest {
  @Test
  void everyEngineRuleHasADocPage() {
    Path docs = Path.of(System.getProperty("bulwark.repo", ".."), "docs/rules/sbom");
    for (EngineRules rule : EngineRules.values()) {
      Path page = docs.resolve(rule.id() + ".md");
      assertThat(page).as("doc page for sbom/" + rule.id()).exists();
      assertThat(readUnchecked(page)).startsWith("# sbom/" + rule.id() + " — ");
    }
  }

  private static String readUnchecked(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
