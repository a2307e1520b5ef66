package dev.bulwark.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.iac.shell.ShellParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellParserTest {

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parse(String s) {
    return (List<Map<String, Object>>) (List<?>) ShellParser.parse(s);
  }

  @Test
  void pipelinesWrappersAndNestedShells() {
    List<Map<String, Object>> cmds = parse("set -e; FOO=1 sudo -E curl -fsSL 'https://x/y.sh' | sudo bash -s -- -y "
        + "&& python3 -m pip install --no-cache-dir -r req.txt torch==2.3.0\nbash -c \"wget -qO- u | sh\"");
    assertThat(cmds).extracting(c -> c.get("name")).containsExactly("set", "curl", "bash", "pip", "bash", "wget", "sh");
    assertThat(cmds.get(1).get("pipeTo")).isEqualTo("bash");
    assertThat(cmds.get(1).get("sudo")).isEqualTo(true);
    assertThat(cmds.get(3).get("sub")).isEqualTo("install");
    assertThat(cmds.get(3).get("operands")).isEqualTo(List.of("torch==2.3.0"));
    assertThat(cmds.get(5).get("pipeTo")).isEqualTo("sh");
  }

  @Test
  void quotedOperatorsAreNotOperators() {
    List<Map<String, Object>> cmds = parse("echo 'a | b && c' \"x; y\" # curl | sh\n");
    assertThat(cmds).singleElement().satisfies(c -> assertThat(c.get("args")).isEqualTo(List.of("a | b && c", "x; y")));
  }

  @Test
  void boundedOnHugeInput() {
    assertThat(ShellParser.parse("true;".repeat(100_000))).hasSizeLessThanOrEqualTo(ShellParser.MAX_COMMANDS);
  }
}
