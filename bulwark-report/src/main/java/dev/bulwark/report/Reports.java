package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.bulwark.model.AnalyzerOutcome;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Facts every writer derives the same way, so that formats agree with each other. */
final class Reports {

  /** Base of the rule documentation links; the repository's own docs/rules/ tree. */
  static final String DOCS_BASE = "https://github.com/bulwark-dev/bulwark/blob/main/";
  static final String INFORMATION_URI = "https://github.com/bulwark-dev/bulwark";

  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private Reports() {}

  /** Findings in the report's deterministic order (severity, scanner, rule, location, component, id). */
  static List<Finding> sortedFindings(ScanReport report) {
    List<Finding> sorted = new ArrayList<>(report.findings());
    sorted.sort(Comparator.naturalOrder());
    return sorted;
  }

  static List<AnalyzerOutcome> sortedOutcomes(ScanReport report) {
    List<AnalyzerOutcome> sorted = new ArrayList<>(report.outcomes());
    sorted.sort(Comparator.comparing(AnalyzerOutcome::analyzer).thenComparing(AnalyzerOutcome::status));
    return sorted;
  }

  /** Active (not suppressed) findings per severity, every severity present. */
  static Map<Severity, Integer> countBySeverity(List<Finding> findings) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    for (Finding f : findings) {
      if (!f.isSuppressed()) {
        counts.merge(f.severity(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * Ids of the findings that fail the gate: those named by a fired rule whose action is {@code fail}.
   * When no fired rule names any finding (a gate that gives no detail), every active high or critical
   * finding of a verdict that is not {@code pass}; nothing when the verdict passed.
   */
  static Set<String> gatingFindingIds(ScanReport report) {
    Set<String> ids = new HashSet<>();
    boolean anyNamed = false;
    for (Verdict.FiredRule rule : report.verdict().firedRules()) {
      anyNamed |= !rule.findings().isEmpty();
      if ("fail".equals(rule.action())) {
        ids.addAll(rule.findings());
      }
    }
    if (!anyNamed && report.verdict().result() != Verdict.Result.PASS) {
      for (Finding f : report.findings()) {
        if (!f.isSuppressed() && f.severity().atLeast(Severity.HIGH)) {
          ids.add(f.id());
        }
      }
    }
    return ids;
  }

  /** {@code scanner/rule}, without doubling a prefix the rule already carries. */
  static String qualifiedRule(Finding f) {
    String prefix = f.scanner().id() + "/";
    return f.rule().startsWith(prefix) ? f.rule() : prefix + f.rule();
  }

  /** The documentation page of a rule: OSV for advisories, docs/rules/ for Bulwark's own rules. */
  static String helpUri(Finding f) {
    String qualified = qualifiedRule(f);
    if (f.scanner() == dev.bulwark.model.Scanner.VULN) {
      return "https://osv.dev/vulnerability/" + UriPaths.encodePath(f.rule());
    }
    return DOCS_BASE + "docs/rules/" + UriPaths.encodePath(qualified) + ".md";
  }

  /** The outer file of an archive member path ({@code a.zip!b/c} gives {@code a.zip}), else the path. */
  static String outerFile(String path) {
    int bang = path.indexOf('!');
    return bang < 0 ? path : path.substring(0, bang);
  }

  /** A pretty-printing generator with a fixed layout ({@code "\n"} line ends, two-space indent). */
  static JsonGenerator prettyJson(OutputStream out) throws IOException {
    JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(indenter);
    printer.indentObjectsWith(indenter);
    g.setPrettyPrinter(printer);
    return g;
  }

  static void stringOrNull(JsonGenerator g, String field, String value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeStringField(field, value);
    }
  }

  static void numberOrNull(JsonGenerator g, String field, Number value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, value.longValue());
    }
  }

  static void stringMap(JsonGenerator g, String field, Map<String, String> map) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, String> e : map.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  static void stringArray(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
