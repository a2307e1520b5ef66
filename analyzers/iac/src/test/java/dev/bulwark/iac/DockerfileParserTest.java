package dev.bulwark.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.iac.docker.DockerfileException;
import dev.bulwark.iac.docker.DockerfileParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> instructions(String text) throws Exception {
    return (List<Map<String, Object>>) DockerfileParser.parse(text).dockerfile().get("instructions");
  }

  @Test
  void backtickEscapeDirectiveAndContinuations() throws Exception {
    List<Map<String, Object>> ins = instructions("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
        + "RUN powershell -Command `\n    # comment inside\n    Write-Host hi\nUSER ContainerUser\n");
    assertThat(ins).extracting(m -> m.get("cmd")).containsExactly("FROM", "RUN", "USER");
    assertThat(ins.get(1).get("args")).isEqualTo("powershell -Command     Write-Host hi");
    assertThat(ins.get(1).get("line")).isEqualTo(3L);
    assertThat(ins.get(1).get("endLine")).isEqualTo(5L);
    assertThat(ins.get(2).get("line")).isEqualTo(6L);
  }

  @Test
  void execFormFlagsAndPairs() throws Exception {
    List<Map<String, Object>> ins = instructions("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
        + "ENV A=1 B=\"two words\" C=three\\ words\nENV LEGACY value with spaces\n"
        + "CMD [\"python\", \"-c\", \"print(\\\"x\\\")\"]\nCMD [not json\n");
    assertThat(((Map<?, ?>) ins.get(0).get("flags")).get("platform")).isEqualTo("$BUILDPLATFORM");
    assertThat((List<?>) ins.get(1).get("pairs")).hasSize(3);
    assertThat(((Map<?, ?>) ((List<?>) ins.get(1).get("pairs")).get(1)).get("value")).isEqualTo("two words");
    assertThat(((Map<?, ?>) ((List<?>) ins.get(2).get("pairs")).get(0)).get("value")).isEqualTo("value with spaces");
    assertThat(ins.get(3).get("exec")).isEqualTo(true);
    assertThat(ins.get(3).get("argv")).isEqualTo(List.of("python", "-c", "print(\"x\")"));
    assertThat(ins.get(4).get("exec")).isEqualTo(false);
  }

  @Test
  @SuppressWarnings("unchecked")
  void stagesInheritUserAndResolveGlobalArgs() throws Exception {
    Map<String, Object> df = DockerfileParser.parse("ARG BASE=python:3.12\nFROM ${BASE} AS base\nUSER app\n"
        + "FROM base AS final\nRUN echo hi\n").dockerfile();
    List<Map<String, Object>> stages = (List<Map<String, Object>>) df.get("stages");
    assertThat(stages.get(0).get("image")).isEqualTo("python:3.12");
    assertThat(stages.get(1).get("fromStage")).isEqualTo(true);
    assertThat(stages.get(1).get("user")).isEqualTo("app");
  }

  @Test
  void unterminatedHeredocIsAnError() {
    assertThatThrownBy(() -> DockerfileParser.parse("FROM x\nRUN <<EOF\necho hi\n"))
        .isInstanceOf(DockerfileException.class).hasMessageContaining("not terminated");
  }

  @Test
  void heredocsSeveralPerLine() throws Exception {
    List<Map<String, Object>> ins = instructions("FROM x\nRUN <<A cat <<-'B'\na body\nA\n\tb body\n\tB\nUSER 1\n");
    assertThat((List<?>) ins.get(1).get("heredocs")).hasSize(2);
    assertThat(ins.get(2).get("line")).isEqualTo(7L);
  }
}
