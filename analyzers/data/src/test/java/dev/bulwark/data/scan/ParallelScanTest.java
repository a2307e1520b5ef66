package dev.bulwark.data.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.data.detect.TextDetector;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Parallel profiling reports exactly what sequential profiling reports. */
class ParallelScanTest {

  @Test
  void threadsDoNotChangeTheReport(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    // 1,400 rows: several batches of 512, so more than one worker profiles and the results are merged
    java.util.List<String> lines = java.nio.file.Files.readAllLines(Fixtures.path("pii-datasets/customers/customers.csv"));
    StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 0; i < 7; i++) {
      lines.subList(1, lines.size()).forEach(l -> b.append(l).append('\n'));
    }
    Path csv = java.nio.file.Files.writeString(dir.resolve("customers.csv"), b);
    TextDetector d = new TextDetector();
    DatasetReport one = new DatasetScanner(d, 0, 0, 1).scan("customers.csv", csv);
    DatasetReport three = new DatasetScanner(d, 0, 0, 3).scan("customers.csv", csv);
    assertThat(three).isEqualTo(one);
  }
}
