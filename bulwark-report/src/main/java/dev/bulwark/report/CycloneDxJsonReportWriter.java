package dev.bulwark.report;

import dev.bulwark.model.ScanReport;
import dev.bulwark.spi.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;

/** CycloneDX 1.6 JSON: cyclonedx-core-java's model, written by {@link CycloneDxJson} (see there for why). */
public final class CycloneDxJsonReportWriter implements ReportWriter {

  @Override
  public String format() {
    return "cyclonedx-json";
  }

  @Override
  public String description() {
    return "CycloneDX 1.6 SBOM with vulnerabilities, JSON";
  }

  @Override
  public void write(ScanReport report, OutputStream out, boolean colour) throws IOException {
    CycloneDxJson.write(CycloneDxBom.of(report), out);
    out.write('\n');
    out.flush();
  }
}
