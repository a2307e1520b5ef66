package dev.bulwark.data.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TextDetectorTest {

  private final TextDetector detector = new TextDetector();

  @Test
  void everyLineFindsExactlyWhatItsMarkerSays() throws IOException {
    List<String> lines = Files.readAllLines(Fixtures.path("pii-text/mixed/notes.txt"));
    for (String line : lines.subList(1, lines.size())) {
      int marker = line.indexOf("EXPECT:");
      String text = line.substring(0, marker);
      Set<String> expected = Arrays.stream(line.substring(marker + 7).trim().split(","))
          .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
      Set<String> found = detector.detect(text).stream().map(d -> d.entity().id())
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(found).as(text).isEqualTo(expected);
    }
  }

  @Test
  void spansCoverTheWholeValue() {
    String text = "reach me at jane@example.org or 4111-1111-1111-1111";
    List<Detection> found = detector.detect(text);
    assertThat(found).extracting(d -> d.value(text)).containsExactly("jane@example.org", "4111-1111-1111-1111");
  }

  @Test
  void hostileInputStaysLinear() {
    // long runs that would make a backtracking matcher explode are scanned in one pass
    String atStorm = "a@".repeat(200_000);
    String digits = "1-".repeat(200_000);
    long start = System.nanoTime();
    detector.detect(atStorm);
    detector.detect(digits);
    assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
  }
}
