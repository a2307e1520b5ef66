package dev.bulwark.report;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes every format of the sample reports to a folder, to look at them: {@code RenderSamples <dir>}. */
final class RenderSamples {
  private RenderSamples() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/samples");
    Files.createDirectories(dir);
    for (var w : java.util.ServiceLoader.load(dev.bulwark.spi.ReportWriter.class)) {
      Files.writeString(dir.resolve("ai-app." + w.format()), Goldens.render(w, SampleReports.aiApp()));
      Files.writeString(dir.resolve("hostile." + w.format()), Goldens.render(w, SampleReports.hostile()));
    }
  }
}
