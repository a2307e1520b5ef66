package dev.bulwark.report;

import static dev.bulwark.report.Reports.numberOrNull;
import static dev.bulwark.report.Reports.stringArray;
import static dev.bulwark.report.Reports.stringMap;
import static dev.bulwark.report.Reports.stringOrNull;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.model.AnalyzerOutcome;
import dev.bulwark.model.Component;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Suppression;
import dev.bulwark.model.Verdict;
import dev.bulwark.spi.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The {@code bulwark/report/v1} JSON report, documented key by key in {@code docs/report-format.md}.
 * Every key is always written (null or empty when there is nothing), in a fixed order, streamed.
 */
public final class JsonReportWriter implements ReportWriter {

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String description() {
    return "Bulwark's own JSON report (schema bulwark/report/v1)";
  }

  @Override
  public void write(ScanReport report, OutputStream out, boolean colour) throws IOException {
    List<Finding> findings = Reports.sortedFindings(report);
    try (JsonGenerator g = Reports.prettyJson(out)) {
      g.writeStartObject();
      g.writeStringField("schema", ScanReport.JSON_SCHEMA);
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", report.tool().name());
      stringOrNull(g, "version", report.tool().version());
      g.writeEndObject();
      g.writeObjectFieldStart("target");
      g.writeStringField("path", report.target().path());
      g.writeStringField("type", report.target().type().id());
      stringMap(g, "facts", report.target().facts());
      g.writeEndObject();
      g.writeStringField("startedAt", report.startedAt().toString());
      g.writeNumberField("durationMs", report.durationMs());
      writeSummary(g, report, findings);
      g.writeArrayFieldStart("components");
      for (Component c : report.components()) {
        writeComponent(g, c);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (Finding f : findings) {
        writeFinding(g, f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("outcomes");
      for (AnalyzerOutcome o : Reports.sortedOutcomes(report)) {
        g.writeStartObject();
        g.writeStringField("analyzer", o.analyzer());
        g.writeStringField("status", o.status().id());
        stringOrNull(g, "message", o.message());
        g.writeNumberField("durationMs", o.durationMs());
        g.writeNumberField("filesSeen", o.filesSeen());
        g.writeEndObject();
      }
      g.writeEndArray();
      writeVerdict(g, report.verdict());
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeSummary(JsonGenerator g, ScanReport report, List<Finding> findings) throws IOException {
    g.writeObjectFieldStart("summary");
    g.writeNumberField("components", report.components().size());
    g.writeObjectFieldStart("findings");
    for (Map.Entry<Severity, Integer> e : Reports.countBySeverity(findings).entrySet()) {
      g.writeNumberField(e.getKey().id(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("suppressed", findings.stream().filter(Finding::isSuppressed).count());
    g.writeEndObject();
  }

  private static void writeComponent(JsonGenerator g, Component c) throws IOException {
    g.writeStartObject();
    g.writeStringField("ref", c.ref());
    g.writeStringField("type", c.type().id());
    stringOrNull(g, "group", c.group());
    g.writeStringField("name", c.name());
    stringOrNull(g, "version", c.version());
    stringOrNull(g, "purl", c.purl());
    stringOrNull(g, "ecosystem", c.ecosystem());
    g.writeStringField("scope", c.scope().id());
    g.writeStringField("kind", c.kind().id());
    g.writeBooleanField("firstParty", c.firstParty());
    g.writeArrayFieldStart("locations");
    for (Location l : c.locations()) {
      writeLocation(g, l);
    }
    g.writeEndArray();
    stringArray(g, "licenses", c.licenses());
    stringMap(g, "hashes", c.hashes());
    stringMap(g, "properties", c.properties());
    stringArray(g, "dependsOn", c.dependsOn());
    g.writeEndObject();
  }

  private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", f.id());
    g.writeStringField("scanner", f.scanner().id());
    g.writeStringField("rule", f.rule());
    g.writeStringField("severity", f.severity().id());
    g.writeStringField("title", f.title());
    stringOrNull(g, "description", f.description());
    stringOrNull(g, "component", f.component());
    if (f.location() == null) {
      g.writeNullField("location");
    } else {
      g.writeFieldName("location");
      writeLocation(g, f.location());
    }
    stringMap(g, "evidence", f.evidence());
    stringArray(g, "references", f.references());
    stringOrNull(g, "fix", f.fix());
    stringArray(g, "aliases", f.aliases());
    Suppression s = f.suppression();
    if (s == null) {
      g.writeNullField("suppression");
    } else {
      g.writeObjectFieldStart("suppression");
      g.writeStringField("kind", s.kind());
      g.writeStringField("status", s.status());
      stringOrNull(g, "reason", s.reason());
      stringOrNull(g, "source", s.source());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writeLocation(JsonGenerator g, Location l) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", l.path());
    numberOrNull(g, "line", l.line());
    numberOrNull(g, "column", l.column());
    numberOrNull(g, "offset", l.offset());
    g.writeEndObject();
  }

  private static void writeVerdict(JsonGenerator g, Verdict v) throws IOException {
    g.writeObjectFieldStart("verdict");
    g.writeStringField("result", v.result().id());
    stringArray(g, "reasons", v.reasons());
    g.writeArrayFieldStart("firedRules");
    for (Verdict.FiredRule r : v.firedRules()) {
      g.writeStartObject();
      g.writeStringField("rule", r.rule());
      g.writeStringField("action", r.action());
      stringOrNull(g, "message", r.message());
      stringArray(g, "findings", r.findings());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
