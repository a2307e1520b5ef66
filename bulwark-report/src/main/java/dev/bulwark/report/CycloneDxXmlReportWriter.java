package dev.bulwark.report;

import dev.bulwark.model.ScanReport;
import dev.bulwark.spi.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;

/** CycloneDX 1.6 XML, written with cyclonedx-core-java. */
public final class CycloneDxXmlReportWriter implements ReportWriter {

  @Override
  public String format() {
    return "cyclonedx-xml";
  }

  @Override
  public String description() {
    return "CycloneDX 1.6 SBOM with vulnerabilities, XML";
  }

  @Override
  public void write(ScanReport report, OutputStream out, boolean colour) throws IOException {
    try {
      String xml = BomGeneratorFactory.createXml(Version.VERSION_16, CycloneDxBom.of(XmlSafe.report(report))).toXmlString();
      out.write(xml.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
      out.flush();
    } catch (GeneratorException e) {
      throw new IOException("CycloneDX XML generation failed: " + e.getMessage(), e);
    }
  }
}
