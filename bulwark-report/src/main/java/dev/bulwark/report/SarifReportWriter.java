package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.model.AnalyzerOutcome;
import dev.bulwark.model.Component;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Target;
import dev.bulwark.spi.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, one rule per
 * {@code scanner/rule} with help links and {@code security-severity}, one result per finding, each with
 * a physical location relative to {@code %SRCROOT%} (the target).
 */
public final class SarifReportWriter implements ReportWriter {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT_KEY = "bulwarkFindingId/v1";

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String description() {
    return "SARIF 2.1.0 (GitHub code scanning, IDEs)";
  }

  @Override
  public void write(ScanReport report, OutputStream out, boolean colour) throws IOException {
    List<Finding> findings = Reports.sortedFindings(report);
    Map<String, RuleEntry> rules = rules(findings);
    Map<String, Component> components = new HashMap<>();
    for (Component c : report.components()) {
      components.put(c.ref(), c);
    }
    try (JsonGenerator g = Reports.prettyJson(out)) {
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      writeTool(g, report, rules);
      writeInvocation(g, report);
      g.writeArrayFieldStart("results");
      for (Finding f : findings) {
        writeResult(g, f, rules.get(Reports.qualifiedRule(f)), components, report.target());
      }
      g.writeEndArray();
      g.writeObjectFieldStart("properties");
      g.writeStringField("bulwark:verdict", report.verdict().result().id());
      g.writeStringField("bulwark:target", report.target().path());
      g.writeStringField("bulwark:targetType", report.target().type().id());
      g.writeNumberField("bulwark:components", report.components().size());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** Rule metadata from the first finding of each rule (in report order) and the worst severity seen. */
  private static Map<String, RuleEntry> rules(List<Finding> findings) {
    Map<String, RuleEntry> rules = new LinkedHashMap<>();
    for (Finding f : findings) {
      String id = Reports.qualifiedRule(f);
      RuleEntry e = rules.get(id);
      if (e == null) {
        rules.put(id, new RuleEntry(id, rules.size(), f, f.severity()));
      } else if (f.severity().atLeast(e.worst) && f.severity() != e.worst) {
        rules.put(id, new RuleEntry(id, e.index, e.first, f.severity()));
      }
    }
    return rules;
  }

  private record RuleEntry(String id, int index, Finding first, Severity worst) {}

  private static void writeTool(JsonGenerator g, ScanReport report, Map<String, RuleEntry> rules) throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "Bulwark");
    if (report.tool().version() != null) {
      g.writeStringField("version", report.tool().version());
      g.writeStringField("semanticVersion", report.tool().version());
    }
    g.writeStringField("informationUri", Reports.INFORMATION_URI);
    g.writeArrayFieldStart("rules");
    for (RuleEntry r : rules.values()) {
      writeRule(g, r);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeRule(JsonGenerator g, RuleEntry r) throws IOException {
    Finding f = r.first;
    String helpUri = Reports.helpUri(f);
    String full = f.description() == null || f.description().isBlank() ? f.title() : f.description();
    g.writeStartObject();
    g.writeStringField("id", r.id);
    g.writeStringField("name", ruleName(r.id));
    text(g, "shortDescription", f.title());
    text(g, "fullDescription", full);
    g.writeStringField("helpUri", helpUri);
    g.writeObjectFieldStart("help");
    StringBuilder help = new StringBuilder(full);
    if (f.fix() != null && !f.fix().isBlank()) {
      help.append("\n\nFix: ").append(f.fix());
    }
    help.append("\n\nDetails: ").append(helpUri);
    g.writeStringField("text", help.toString());
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", level(r.worst));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("security-severity", securitySeverity(r.worst));
    g.writeArrayFieldStart("tags");
    g.writeString("security");
    g.writeString(f.scanner().id());
    g.writeEndArray();
    g.writeStringField("precision", "high");
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeInvocation(JsonGenerator g, ScanReport report) throws IOException {
    boolean ok = report.outcomes().stream().noneMatch(o -> o.status() == AnalyzerOutcome.Status.FAILED);
    g.writeArrayFieldStart("invocations");
    g.writeStartObject();
    g.writeBooleanField("executionSuccessful", ok);
    g.writeStringField("startTimeUtc", report.startedAt().toString());
    g.writeStringField("endTimeUtc", report.startedAt().plusMillis(report.durationMs()).toString());
    g.writeArrayFieldStart("toolExecutionNotifications");
    for (AnalyzerOutcome o : Reports.sortedOutcomes(report)) {
      if (o.status() == AnalyzerOutcome.Status.COMPLETED) {
        continue;
      }
      boolean failed = o.status() == AnalyzerOutcome.Status.FAILED;
      g.writeStartObject();
      g.writeStringField("level", failed ? "error" : "note");
      text(g, "message", o.analyzer() + " " + o.status().id() + (o.message() == null ? "" : ": " + o.message()));
      g.writeObjectFieldStart("descriptor");
      g.writeStringField("id", o.analyzer());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void writeResult(JsonGenerator g, Finding f, RuleEntry rule, Map<String, Component> components,
      Target target) throws IOException {
    Location location = locationOf(f, components, target);
    String member = location.path().indexOf('!') >= 0 ? location.path() : null;
    g.writeStartObject();
    g.writeStringField("ruleId", rule.id);
    g.writeNumberField("ruleIndex", rule.index);
    g.writeStringField("level", level(f.severity()));
    String message = f.title();
    if (member != null) {
      message += " (in " + member + ")";
    }
    text(g, "message", message);
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", UriPaths.encodePath(Reports.outerFile(location.path())));
    g.writeStringField("uriBaseId", "%SRCROOT%");
    g.writeEndObject();
    // GitHub code scanning requires region.startLine on every result (sarif-sdk rule GH1003): a finding
    // without a line points at line 1 of its file; a byte offset in a binary file is kept beside it.
    g.writeObjectFieldStart("region");
    Integer line = member == null ? location.line() : null;
    g.writeNumberField("startLine", line == null ? 1 : Math.max(1, line));
    if (line != null && location.column() != null) {
      g.writeNumberField("startColumn", Math.max(1, location.column()));
    }
    if (member == null && line == null && location.offset() != null) {
      g.writeNumberField("byteOffset", Math.max(0, location.offset()));
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(FINGERPRINT_KEY, f.id());
    g.writeEndObject();
    if (f.isSuppressed()) {
      g.writeArrayFieldStart("suppressions");
      g.writeStartObject();
      g.writeStringField("kind", "inline".equals(f.suppression().kind()) ? "inSource" : "external");
      g.writeStringField("status", "accepted");
      String why = f.suppression().kind() + " " + f.suppression().status()
          + (f.suppression().reason() == null ? "" : ": " + f.suppression().reason());
      g.writeStringField("justification", why);
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeObjectFieldStart("properties");
    g.writeStringField("bulwark:id", f.id());
    g.writeStringField("bulwark:scanner", f.scanner().id());
    g.writeStringField("bulwark:severity", f.severity().id());
    g.writeStringField("security-severity", securitySeverity(f.severity()));
    if (f.component() != null) {
      g.writeStringField("bulwark:component", f.component());
    }
    if (member != null) {
      g.writeStringField("bulwark:archiveMember", member);
    }
    if (f.location() == null) {
      g.writeBooleanField("bulwark:locationInferred", true);
    }
    if (!f.aliases().isEmpty()) {
      Reports.stringArray(g, "bulwark:aliases", f.aliases());
    }
    if (f.fix() != null) {
      g.writeStringField("bulwark:fix", f.fix());
    }
    if (!f.evidence().isEmpty()) {
      Reports.stringMap(g, "bulwark:evidence", f.evidence());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * Where a finding points: its own location, else the first location of its component, else the
   * target itself (its file name for a file target, the root folder otherwise), because code scanning
   * drops results without one.
   */
  private static Location locationOf(Finding f, Map<String, Component> components, Target target) {
    if (f.location() != null && !f.location().path().isEmpty()) {
      return f.location();
    }
    Component c = f.component() == null ? null : components.get(f.component());
    if (c != null && !c.locations().isEmpty()) {
      return Location.of(c.locations().get(0).path());
    }
    if (target.type() != Target.Type.DIRECTORY) {
      String p = target.path().replace('\\', '/');
      String name = p.substring(p.lastIndexOf('/') + 1);
      if (!name.isEmpty()) {
        return Location.of(name);
      }
    }
    return Location.of(".");
  }

  private static void text(JsonGenerator g, String field, String text) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("text", text == null || text.isBlank() ? "(no text)" : text);
    g.writeEndObject();
  }

  /** A PascalCase name for the rule, as SARIF viewers show it next to the id. */
  private static String ruleName(String id) {
    StringBuilder b = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return b.toString();
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** GitHub's numeric severity: critical ≥ 9, high ≥ 7, medium ≥ 4, low above 0. */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.0";
    };
  }
}
