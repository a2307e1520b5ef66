package dev.bulwark.vuln.vex;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.model.Component;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Suppression;
import dev.bulwark.spi.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code -o cyclonedx-vex}: the vulnerability findings as a CycloneDX 1.6 VEX document. Each
 * vulnerability (one per rule and analysis) lists its ratings, aliases as references, the fix as the
 * recommendation, the affected components and the analysis: a VEX suppression gives its state and
 * justification ({@code not_affected}, or {@code resolved} for fixed), a waiver gives {@code exploitable}
 * with {@code will_not_fix}, and an unassessed match is {@code in_triage}.
 */
public final class CycloneDxVexWriter implements ReportWriter {

  // A bare factory: every report writer is constructed at start-up, and an ObjectMapper costs tens of ms.
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String format() {
    return "cyclonedx-vex";
  }

  @Override
  public String description() {
    return "CycloneDX 1.6 VEX: vulnerability findings with their analysis (not_affected, resolved, in_triage)";
  }

  @Override
  public void write(ScanReport report, OutputStream out, boolean colour) throws IOException {
    Map<String, List<Finding>> groups = new TreeMap<>();
    for (Finding f : report.findings()) {
      if (f.scanner() != Scanner.VULN) continue;
      groups.computeIfAbsent(f.rule() + "\u0000" + analysisKey(f.suppression()), k -> new ArrayList<>()).add(f);
    }
    Map<String, Component> components = new TreeMap<>();
    for (List<Finding> g : groups.values()) {
      for (Finding f : g) {
        if (f.component() != null) report.inventory().byRef(f.component()).ifPresent(c -> components.put(c.ref(), c));
      }
    }
    JsonGenerator g = FACTORY.createGenerator(new NonClosing(out), JsonEncoding.UTF8);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("bomFormat", "CycloneDX");
    g.writeStringField("specVersion", "1.6");
    g.writeStringField("serialNumber", "urn:uuid:" + UUID.nameUUIDFromBytes((report.target().path() + report.startedAt())
        .getBytes(StandardCharsets.UTF_8)));
    g.writeNumberField("version", 1);
    g.writeObjectFieldStart("metadata");
    g.writeStringField("timestamp", report.startedAt().toString());
    g.writeObjectFieldStart("tools");
    g.writeArrayFieldStart("components");
    g.writeStartObject();
    g.writeStringField("type", "application");
    g.writeStringField("name", report.tool().name());
    g.writeStringField("version", report.tool().version());
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("component");
    g.writeStringField("type", "application");
    g.writeStringField("name", report.target().path());
    g.writeEndObject();
    g.writeEndObject();
    g.writeArrayFieldStart("components");
    for (Component c : components.values()) {
      g.writeStartObject();
      g.writeStringField("type", c.type().id());
      g.writeStringField("bom-ref", c.ref());
      if (c.group() != null) g.writeStringField("group", c.group());
      g.writeStringField("name", c.name());
      if (c.version() != null) g.writeStringField("version", c.version());
      if (c.purl() != null) g.writeStringField("purl", c.purl());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("vulnerabilities");
    for (List<Finding> group : groups.values()) {
      writeVulnerability(g, group);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.write('\n');
  }

  private static void writeVulnerability(JsonGenerator g, List<Finding> group) throws IOException {
    Finding first = group.get(0);
    g.writeStartObject();
    g.writeStringField("bom-ref", first.rule() + (group.size() > 0 ? "#" + analysisKey(first.suppression()) : ""));
    g.writeStringField("id", first.rule());
    g.writeObjectFieldStart("source");
    g.writeStringField("name", "OSV");
    g.writeStringField("url", "https://osv.dev/vulnerability/" + first.rule());
    g.writeEndObject();
    if (!first.aliases().isEmpty()) {
      g.writeArrayFieldStart("references");
      for (String a : new TreeSet<>(first.aliases())) {
        g.writeStartObject();
        g.writeStringField("id", a);
        g.writeObjectFieldStart("source");
        g.writeStringField("name", a.startsWith("CVE-") ? "NVD" : a.startsWith("GHSA-") ? "GitHub" : "OSV");
        g.writeStringField("url", a.startsWith("CVE-") ? "https://nvd.nist.gov/vuln/detail/" + a
            : "https://osv.dev/vulnerability/" + a);
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("ratings");
    g.writeStartObject();
    Map<String, String> ev = first.evidence();
    if (ev.containsKey("cvss.score")) {
      g.writeNumberField("score", Double.parseDouble(ev.get("cvss.score")));
      g.writeStringField("severity", first.severity().id());
      g.writeStringField("method", switch (ev.getOrDefault("cvss.version", "")) {
        case "4.0" -> "CVSSv4";
        case "3.1" -> "CVSSv31";
        case "3.0" -> "CVSSv3";
        default -> "CVSSv2";
      });
      g.writeStringField("vector", ev.get("cvss.vector"));
    } else {
      g.writeStringField("severity", first.severity().id());
      g.writeStringField("method", "other");
    }
    g.writeEndObject();
    g.writeEndArray();
    if (first.description() != null) g.writeStringField("description", first.description());
    else g.writeStringField("description", first.title());
    if (first.fix() != null) g.writeStringField("recommendation", first.fix());
    if (!first.references().isEmpty()) {
      g.writeArrayFieldStart("advisories");
      for (String url : first.references()) {
        g.writeStartObject();
        g.writeStringField("url", url);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    writeAnalysis(g, first.suppression());
    g.writeArrayFieldStart("affects");
    Map<String, String> seen = new LinkedHashMap<>();
    for (Finding f : group) {
      if (f.component() != null) seen.putIfAbsent(f.component(), f.evidence().get("installedVersion"));
    }
    for (var e : new TreeMap<>(seen).entrySet()) {
      g.writeStartObject();
      g.writeStringField("ref", e.getKey());
      if (e.getValue() != null) {
        g.writeArrayFieldStart("versions");
        g.writeStartObject();
        g.writeStringField("version", e.getValue());
        g.writeStringField("status", "affected");
        g.writeEndObject();
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static String analysisKey(Suppression s) {
    return s == null ? "in_triage" : s.kind() + ":" + s.status() + ":" + s.reason();
  }

  private static void writeAnalysis(JsonGenerator g, Suppression s) throws IOException {
    g.writeObjectFieldStart("analysis");
    if (s == null) {
      g.writeStringField("state", "in_triage");
    } else if (s.kind().equals("vex")) {
      boolean fixed = s.status().equals("fixed");
      g.writeStringField("state", fixed ? "resolved" : "not_affected");
      String justification = fixed ? null : cycloneDxJustification(s.reason());
      if (justification != null) g.writeStringField("justification", justification);
      if (s.reason() != null) g.writeStringField("detail", s.reason() + (s.source() != null ? " (" + s.source() + ")" : ""));
    } else {
      g.writeStringField("state", "exploitable");
      g.writeArrayFieldStart("response");
      g.writeString("will_not_fix");
      g.writeEndArray();
      g.writeStringField("detail", s.kind() + (s.reason() != null ? ": " + s.reason() : ""));
    }
    g.writeEndObject();
  }

  /** OpenVEX justifications (or CycloneDX ones passed through) as CycloneDX's enumeration. */
  static String cycloneDxJustification(String reason) {
    if (reason == null) return null;
    String j = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
    return switch (j.trim()) {
      case "component_not_present", "vulnerable_code_not_present", "code_not_present" -> "code_not_present";
      case "vulnerable_code_not_in_execute_path", "code_not_reachable" -> "code_not_reachable";
      case "vulnerable_code_cannot_be_controlled_by_adversary", "requires_environment" -> "requires_environment";
      case "inline_mitigations_already_exist", "protected_by_mitigating_control" -> "protected_by_mitigating_control";
      case "requires_configuration", "requires_dependency", "protected_by_compiler", "protected_at_runtime",
          "protected_at_perimeter" -> j.trim();
      default -> null;
    };
  }

  /** Jackson closes the target when the generator closes; writers must not close {@code out}. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
