package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.ScanReport;
import dev.bulwark.spi.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Golden files under {@code src/test/resources/golden/}. Run with {@code -Dbulwark.updateGoldens=true}
 * to rewrite them after an intended change, then review the diff.
 */
final class Goldens {
  private Goldens() {}

  static String render(ReportWriter writer, ScanReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(report, out, false);
    return out.toString(StandardCharsets.UTF_8);
  }

  static void assertMatches(String name, String actual) throws IOException {
    Path golden = Paths.get("src/test/resources/golden").resolve(name);
    if (Boolean.getBoolean("bulwark.updateGoldens") || !Files.exists(golden) && Boolean.getBoolean("bulwark.createGoldens")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file %s (create with -Dbulwark.createGoldens=true)", golden).exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
