package dev.bulwark.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.policy.license.LicensePolicyAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocsTest {

  @Test
  void everyPackRuleAndEmittedRuleHasADocPage() throws Exception {
    Path docs = Paths.get("../docs/rules/policy");
    List<String> ids = new ArrayList<>(List.of(WaiverStage.EXPIRED_RULE, LicensePolicyAnalyzer.DENIED,
        LicensePolicyAnalyzer.NOT_ALLOWED, LicensePolicyAnalyzer.UNKNOWN));
    for (String pack : Policies.BUILT_IN) {
      Policies.builtIn(pack).rules().forEach(r -> ids.add(r.id()));
    }
    for (String id : ids) {
      assertThat(Files.isRegularFile(docs.resolve(id + ".md"))).as("doc page for " + id).isTrue();
    }
    assertThat(Files.isRegularFile(Paths.get("../docs/policy.md"))).isTrue();
  }
}
