package dev.bulwark.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every PII rule id has its page under docs/rules/pii/, and the page names the rule. */
class RuleDocsTest {

  @Test
  void everyEntityHasARulePage() throws IOException {
    Path docs = Path.of(System.getProperty("bulwark.repo", "../..")).resolve("docs/rules/pii");
    for (PiiEntity e : PiiEntity.values()) {
      Path page = docs.resolve(e.id() + ".md");
      assertThat(page).as(e.rule()).exists();
      assertThat(Files.readString(page)).contains("`" + e.rule() + "`").contains(e.severity().id());
    }
  }
}
