package dev.bulwark.ml.cli;

import dev.bulwark.ml.chart.Chart;
import dev.bulwark.ml.chart.Html;
import dev.bulwark.ml.chart.PngCanvas;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared exit-code handling of the ml commands. */
final class MlRun {
  interface Body {
    int run() throws Exception;
  }

  private MlRun() {}

  static int run(PrintWriter err, Body body) {
    try {
      return body.run();
    } catch (UnreadableInputException e) {
      err.println("bulwark: " + e.path() + ": " + e.problem());
      return 2;
    } catch (IOException e) {
      err.println("bulwark: cannot write output: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("bulwark: internal error: " + e);
      return 3;
    }
  }

  /**
   * Loads and links Jackson's serializer classes on a background thread while DuckDB reads the data:
   * a first JSON report otherwise spends about 0.3 s of a benchmark's wall time in class loading.
   */
  static void warmUpJson() {
    Thread t = new Thread(() -> {
      try {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of("warm", List.of(1.5, "up")));
      } catch (IOException | RuntimeException e) {
        // only a warm-up: the report itself reports any real problem
      }
    }, "bulwark-json-warm-up");
    t.setDaemon(true);
    t.start();
  }

  static List<Outputs.Staged> stagePngs(Path dir, List<Chart> charts) throws IOException {
    Files.createDirectories(dir);
    List<Outputs.Staged> staged = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Chart c : charts) {
      String name = Html.fileName(c.id());
      String unique = name;
      for (int i = 2; !used.add(unique); i++) {
        unique = name + "-" + i;
      }
      staged.add(Outputs.stage(dir.resolve(unique + ".png"), o -> PngCanvas.write(c, o)));
    }
    return staged;
  }
}
