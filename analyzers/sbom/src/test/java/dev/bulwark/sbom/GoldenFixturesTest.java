package dev.bulwark.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder {@code fixtures/<cataloger>/<case>/} holding an {@code expected.txt}: all registered catalogers
 * run over the case's files (as the engine would) and the rendered inventory must equal the golden file.
 * Set {@code -Dbulwark.updateGoldens=true} to rewrite goldens after a reviewed change.
 */
class GoldenFixturesTest {

  static List<Path> cases() throws IOException {
    Path root = Paths.get("src/test/resources/fixtures");
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().equals("expected.txt")).map(Path::getParent).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void inventoryMatchesGolden(Path caseDir) throws IOException {
    Path input = caseDir.resolve("input");
    String actual = Catalog.render(Catalog.of(Files.isDirectory(input) ? input : caseDir));
    Path golden = caseDir.resolve("expected.txt");
    if (Boolean.getBoolean("bulwark.updateGoldens")) {
      Files.writeString(golden, actual);
    }
    assertThat(actual).as("golden %s", golden).isEqualTo(Files.readString(golden));
  }
}
