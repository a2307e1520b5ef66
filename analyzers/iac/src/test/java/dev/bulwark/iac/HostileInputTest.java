package dev.bulwark.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.iac.k8s.KubernetesAnalyzer;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class HostileInputTest {
  private final KubernetesAnalyzer k8s = new KubernetesAnalyzer();

  @Test
  void aliasBombIsUnreadableNotExpanded() {
    StringBuilder b = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nx0: &x0 [a,a,a,a,a,a,a,a,a,a]\n");
    for (int i = 1; i < 40; i++) {
      b.append("x").append(i).append(": &x").append(i).append(" [");
      for (int j = 0; j < 20; j++) {
        b.append(j == 0 ? "" : ",").append("*x").append(i - 1);
      }
      b.append("]\n");
    }
    assertThatThrownBy(() -> k8s.analyzeText("bomb.yaml", b.toString(), Fixtures.context(Paths.get("."))))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("aliases");
  }

  @Test
  void malformedYamlIsUnreadableWithALine() {
    assertThatThrownBy(() -> k8s.analyzeText("bad.yaml", "apiVersion: v1\nkind: Pod\nspec: [\n", Fixtures.context(Paths.get("."))))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("bad.yaml");
  }

  @Test
  void unrenderedHelmTemplateIsSkipped() throws Exception {
    String tpl = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"x\" . }}\n{{- if .Values.x }}\nspec: {}\n";
    assertThat(k8s.analyzeText("templates/d.yaml", tpl, Fixtures.context(Paths.get(".")))).isEmpty();
  }

  @Test
  void wrongTypesDoNotFailTheAnalyzer() throws Exception {
    IacAnalyzerBase.strict = false;
    String odd = "apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: yes please\n  containers:\n    - name: 1\n      image: 7\n"
        + "      securityContext: {privileged: \"true\", capabilities: {add: SYS_ADMIN}}\n      env: [{name: 5, value: 6}]\n";
    assertThat(k8s.analyzeText("odd.yaml", odd, Fixtures.context(Paths.get(".")))).isNotNull();
  }
}
