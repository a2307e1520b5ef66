package dev.bulwark.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.InputKind;
import dev.bulwark.policy.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleDocsTest {

  @Test
  void everyBuiltInCheckCompilesAndHasADocPage() {
    Path docs = Paths.get("../../docs/rules/iac");
    Set<String> ids = new HashSet<>();
    for (InputKind input : Checks.ALL) {
      assertThat(Checks.builtIn(input)).as(input.name()).isNotEmpty();
      for (Rule r : Checks.builtIn(input)) {
        assertThat(ids.add(r.id())).as("unique id " + r.id()).isTrue();
        assertThat(r.id()).matches("(dockerfile|k8s|gha|gitlab|compose)/[a-z0-9-]+");
        assertThat(r.description()).as(r.id()).isNotBlank();
        Path page = docs.resolve(r.id() + ".md");
        assertThat(Files.isRegularFile(page)).as("doc page " + page).isTrue();
      }
    }
    assertThat(ids).hasSizeGreaterThanOrEqualTo(45);
  }
}
