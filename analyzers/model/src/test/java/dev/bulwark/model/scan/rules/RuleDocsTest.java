package dev.bulwark.model.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleDocsTest {
  private static final Path REPO = Path.of("../..");

  @Test
  void everyRuleIdHasItsDocPage() throws Exception {
    Set<String> ids = new HashSet<>();
    for (ModelRule r : ModelRules.ALL) {
      assertThat(r.id()).startsWith("model/");
      assertThat(ids.add(r.id())).as("duplicate rule id %s", r.id()).isTrue();
      Path page = REPO.resolve(r.docPage());
      assertThat(page).as("doc page of %s", r.id()).isRegularFile();
      assertThat(Files.readString(page)).startsWith("# " + r.id() + "\n").contains(r.severity().id());
    }
  }

  @Test
  void everyRuleClassIsRegistered() throws Exception {
    try (var files = Files.list(Path.of("src/main/java/dev/bulwark/model/scan/rules"))) {
      long ruleClasses = files.filter(p -> p.getFileName().toString().endsWith("Rule.java"))
          .filter(p -> !p.getFileName().toString().equals("ModelRule.java")).count();
      assertThat(ModelRules.ALL).hasSize((int) ruleClasses);
    }
  }
}
