package dev.bulwark.sbom.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast berry reader gives exactly what the YAML parser gives, and declines what it does not understand. */
class SymlReaderTest {

  private static void sameAsYaml(Path lock) throws IOException {
    String text = Files.readString(lock);
    List<YarnEntry> fast = SymlReader.read(text);
    assertThat(fast).as("fast path used for %s", lock).isNotNull();
    assertThat(fast).isEqualTo(YarnBerryParser.parseYaml(lock.toString(), text));
  }

  @Test
  void fixtureLockfile() throws IOException {
    sameAsYaml(Fixtures.path("yarn-lock/berry-workspaces/input/yarn.lock"));
  }

  @Test
  void realMonorepoLockfile() throws IOException {
    var shared = Fixtures.shared().map(s -> s.resolve("data/projects/jupyterlab__jupyter-ai/yarn.lock")).filter(Files::exists);
    org.junit.jupiter.api.Assumptions.assumeTrue(shared.isPresent(), "shared data absent");
    sameAsYaml(shared.get());
  }

  @Test
  void declinesFlowCollectionsAndTabs() {
    assertThat(SymlReader.read("\"a@npm:1\":\n  version: 1\n  dependencies: {b: 1}\n")).isNull();
    assertThat(SymlReader.read("\"a@npm:1\":\n\tversion: 1\n")).isNull();
    List<YarnEntry> ok = SymlReader.read("\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n");
    assertThat(new ArrayList<>(ok)).hasSize(1);
  }
}
