package dev.bulwark.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ml.cli.DriftCommand;
import dev.bulwark.ml.cli.FairnessCommand;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The stdout tables compared as exact text (paths normalised). Regenerate a golden file by running
 * with {@code -Dbulwark.ml.updateGolden=true} and review the diff.
 */
class GoldenOutputTest {

  @Test
  void fairnessTable() throws Exception {
    String data = Fixtures.path("fairness/small/data.csv").toString();
    CommandsTest.Run r = CommandsTest.run(new FairnessCommand(), "--data", data, "--label", "label", "--prediction", "pred",
        "--sensitive", "race,sex", "--reference-group", "sex=F");
    assertThat(r.code()).isEqualTo(1);
    golden("fairness/small/table.golden", r.out().replace(data, "DATA"));
  }

  @Test
  void driftTable() throws Exception {
    Path dir = Fixtures.path("drift/small");
    String ref = dir.resolve("reference.csv").toString();
    String cur = dir.resolve("current.csv").toString();
    CommandsTest.Run r = CommandsTest.run(new DriftCommand(), "--reference", ref, "--current", cur);
    assertThat(r.code()).isEqualTo(1);
    golden("drift/small/table.golden", r.out().replace(ref, "REFERENCE").replace(cur, "CURRENT"));
  }

  private static void golden(String fixture, String actual) throws Exception {
    Path file = Path.of("src/test/resources/fixtures").resolve(fixture);
    if (Boolean.getBoolean("bulwark.ml.updateGolden")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
