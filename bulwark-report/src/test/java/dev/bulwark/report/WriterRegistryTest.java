package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.spi.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class WriterRegistryTest {

  private static List<ReportWriter> writers() {
    List<ReportWriter> all = new ArrayList<>();
    ServiceLoader.load(ReportWriter.class).forEach(all::add);
    return all;
  }

  @Test
  void everyFormatIsRegistered() {
    assertThat(writers()).extracting(ReportWriter::format).containsExactlyInAnyOrder("table", "json", "sarif",
        "cyclonedx-json", "cyclonedx-xml", "spdx-json", "junit", "html");
    assertThat(writers()).allSatisfy(w -> assertThat(w.description()).isNotBlank());
  }

  @Test
  void noWriterClosesTheStream() throws IOException {
    for (ReportWriter w : writers()) {
      boolean[] closed = {false};
      OutputStream out = new FilterOutputStream(new ByteArrayOutputStream()) {
        @Override
        public void close() {
          closed[0] = true;
        }
      };
      w.write(SampleReports.aiApp(), out, false);
      assertThat(closed[0]).as(w.format()).isFalse();
    }
  }
}
