package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Finding;
import dev.bulwark.secrets.catalog.DetectorCatalog;
import dev.bulwark.secrets.detect.Detector;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under {@code fixtures/secrets/detectors} carries {@code EXPECT: secret/<rule>} markers: the
 * block after a marker (up to the next blank line) must hold exactly that finding, and nothing else in the
 * file (decoys included) may be reported.
 */
class DetectorFixturesTest {

  private static final Pattern EXPECT = Pattern.compile("EXPECT:\\s*(secret/[a-z0-9-]+)");

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.path("secrets/detectors"))) {
      return files.filter(Files::isRegularFile).sorted().toList().stream();
    }
  }

  /** An expected finding: rule and the inclusive line range of the block after its marker. */
  record Expectation(String rule, int fromLine, int toLine) {
    boolean matches(Finding f) {
      return f.rule().equals(rule) && f.location().line() >= fromLine && f.location().line() <= toLine;
    }
  }

  static List<Expectation> expectations(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Expectation> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.find()) {
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).isBlank() && !EXPECT.matcher(lines.get(end)).find()) {
          end++;
        }
        out.add(new Expectation(m.group(1), i + 2, end));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findsExactlyTheMarkedSecrets(Path file) throws IOException {
    List<Finding> findings = new SecretFileAnalyzer().analyze(Fixtures.file(file), Fixtures.context(file.getParent()));
    List<Expectation> expected = expectations(file);
    List<String> missing = new ArrayList<>();
    List<Finding> unmatched = new ArrayList<>(findings);
    for (Expectation e : expected) {
      Finding hit = unmatched.stream().filter(e::matches).findFirst().orElse(null);
      if (hit == null) {
        missing.add(e.rule() + " at lines " + e.fromLine() + "-" + e.toLine());
      } else {
        unmatched.remove(hit);
      }
    }
    assertThat(missing).as("planted secrets not found in " + file.getFileName()).isEmpty();
    assertThat(unmatched.stream().map(f -> f.rule() + " at " + f.location()).toList())
        .as("unexpected findings (decoys or wrong rule) in " + file.getFileName()).isEmpty();
  }

  @Test
  void everyDetectorHasAPlantedFixture() throws IOException {
    Set<String> planted = new TreeSet<>();
    for (Path f : fixtures().toList()) {
      expectations(f).forEach(e -> planted.add(e.rule()));
    }
    Set<String> ids = DetectorCatalog.all().stream().map(Detector::id).collect(Collectors.toCollection(TreeSet::new));
    assertThat(ids).hasSizeGreaterThanOrEqualTo(150);
    assertThat(planted).containsAll(ids);
  }
}
