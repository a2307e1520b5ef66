package dev.bulwark.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.iac.k8s.KubernetesAnalyzer;
import dev.bulwark.model.Finding;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding ids must survive edits that only move lines, so that waivers by id keep working. */
class FingerprintTest {

  @Test
  void idsDoNotDependOnLineNumbers() throws Exception {
    String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n"
        + "      securityContext: {privileged: true}\n";
    KubernetesAnalyzer k8s = new KubernetesAnalyzer();
    List<String> before = k8s.analyzeText("p.yaml", pod, Fixtures.context(Paths.get("."))).stream().map(Finding::id).sorted().toList();
    List<String> after = k8s.analyzeText("p.yaml", "# a comment\n\n" + pod, Fixtures.context(Paths.get("."))).stream()
        .map(Finding::id).sorted().toList();
    assertThat(before).isNotEmpty().isEqualTo(after);
    assertThat(before).doesNotHaveDuplicates();
  }
}
