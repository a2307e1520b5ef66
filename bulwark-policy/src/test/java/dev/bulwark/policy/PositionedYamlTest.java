package dev.bulwark.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.policy.yaml.Pos;
import dev.bulwark.policy.yaml.PositionedYaml;
import dev.bulwark.policy.yaml.YamlDocuments;
import dev.bulwark.policy.yaml.YamlException;
import dev.bulwark.policy.yaml.YamlLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PositionedYamlTest {

  @Test
  @SuppressWarnings("unchecked")
  void keepsPositionsOfKeysValuesAndItems() throws Exception {
    String text = """
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                privileged: true
        ---
        kind: Service
        """;
    YamlDocuments docs = new PositionedYaml().read(text);
    assertThat(docs.documents()).hasSize(2);
    Map<String, Object> pod = (Map<String, Object>) docs.documents().get(0);
    Map<String, Object> spec = (Map<String, Object>) pod.get("spec");
    List<Object> containers = (List<Object>) spec.get("containers");
    Map<String, Object> c = (Map<String, Object>) containers.get(0);
    Map<String, Object> sc = (Map<String, Object>) c.get("securityContext");
    assertThat(sc.get("privileged")).isEqualTo(true);
    assertThat(docs.positions().ofKey(sc, "privileged")).isEqualTo(new Pos(7, 9));
    assertThat(docs.positions().ofKey(pod, "kind")).isEqualTo(new Pos(2, 1));
    assertThat(docs.positions().ofItem(containers, 0)).isEqualTo(new Pos(5, 7));
    assertThat(docs.documentStarts().get(1).line()).isEqualTo(9);
  }

  @Test
  void scalarsAreTypedAsCelExpects() throws Exception {
    YamlDocuments docs = new PositionedYaml().read("a: 1\nb: 1.5\nc: 'true'\nd: null\ne: on\nf: 99999999999999999999999\n");
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) docs.documents().get(0);
    assertThat(m.get("a")).isEqualTo(1L);
    assertThat(m.get("b")).isEqualTo(1.5);
    assertThat(m.get("c")).isEqualTo("true");
    assertThat(m.get("d")).isEqualTo(dev.cel.common.values.NullValue.NULL_VALUE);
    assertThat(m.get("e")).isEqualTo(true); // YAML 1.1, as Kubernetes reads it
    assertThat(m.get("f")).isEqualTo("99999999999999999999999");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aliasesShareTheNodeAndMergeKeysApply() throws Exception {
    YamlDocuments docs = new PositionedYaml().read("""
        base: &b
          image: python:3
          tags: [x]
        job:
          <<: *b
          image: python:3.12
        other: *b
        """);
    Map<String, Object> m = (Map<String, Object>) docs.documents().get(0);
    Map<String, Object> job = (Map<String, Object>) m.get("job");
    assertThat(job.get("image")).isEqualTo("python:3.12");
    assertThat(job.get("tags")).isEqualTo(List.of("x"));
    assertThat(m.get("other")).isSameAs(m.get("base"));
  }

  @Test
  void aliasBombIsBoundedNotExpanded() {
    StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    String prev = "a";
    for (int i = 0; i < 30; i++) {
      String name = "n" + i;
      b.append(name).append(": &").append(name).append(" [");
      for (int j = 0; j < 9; j++) {
        b.append(j == 0 ? "" : ",").append('*').append(prev);
      }
      b.append("]\n");
      prev = name;
    }
    assertThatThrownBy(() -> new PositionedYaml(new YamlLimits(1 << 20, 50, 100_000, 100, 10)).read(b.toString()))
        .isInstanceOf(YamlException.class).hasMessageContaining("aliases");
  }

  @Test
  void depthAndSyntaxErrorsAreReportedWithPositions() {
    String deep = "a: " + "[".repeat(300) + "]".repeat(300);
    assertThatThrownBy(() -> new PositionedYaml().read(deep)).isInstanceOf(YamlException.class);
    assertThatThrownBy(() -> new PositionedYaml().read("a: b\n  c: d: e\n"))
        .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.pos()).isNotNull());
  }
}
