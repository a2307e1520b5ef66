package dev.bulwark.report;

import dev.bulwark.model.AnalyzerOutcome;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Verdict;
import dev.bulwark.spi.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Jenkins, GitLab and GitHub test reporters read it: a {@code bulwark.gate} suite with the
 * verdict, a {@code bulwark.analyzers} suite with one test per analyzer outcome (so a clean scan shows
 * passing tests), and one suite per scanner with one test per finding: failed when the finding fails
 * the gate, skipped when suppressed, passed otherwise.
 */
public final class JunitReportWriter implements ReportWriter {

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public String description() {
    return "JUnit XML test results for CI systems";
  }

  @Override
  public void write(ScanReport original, OutputStream out, boolean colour) throws IOException {
    ScanReport report = XmlSafe.report(original);
    Set<String> gating = Reports.gatingFindingIds(report);
    Map<Scanner, List<Finding>> byScanner = new EnumMap<>(Scanner.class);
    for (Finding f : Reports.sortedFindings(report)) {
      byScanner.computeIfAbsent(f.scanner(), s -> new ArrayList<>()).add(f);
    }
    List<AnalyzerOutcome> outcomes = Reports.sortedOutcomes(report);
    int failedOutcomes = (int) outcomes.stream().filter(o -> o.status() == AnalyzerOutcome.Status.FAILED).count();
    int skippedOutcomes = (int) outcomes.stream().filter(o -> o.status() == AnalyzerOutcome.Status.SKIPPED).count();
    int gateFailed = report.verdict().result() == Verdict.Result.FAIL ? 1 : 0;
    int findingFailures = 0;
    int findingSkips = 0;
    for (Finding f : report.findings()) {
      if (f.isSuppressed()) {
        findingSkips++;
      } else if (gating.contains(f.id())) {
        findingFailures++;
      }
    }
    String timestamp = report.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("Z", "");
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "bulwark " + report.target().path());
      x.writeAttribute("tests", Integer.toString(1 + outcomes.size() + report.findings().size()));
      x.writeAttribute("failures", Integer.toString(gateFailed + findingFailures));
      x.writeAttribute("errors", Integer.toString(failedOutcomes));
      x.writeAttribute("skipped", Integer.toString(skippedOutcomes + findingSkips));
      x.writeAttribute("time", seconds(report.durationMs()));
      x.writeAttribute("timestamp", timestamp);
      x.writeCharacters("\n");

      suiteStart(x, "bulwark.gate", 1, gateFailed, 0, 0, report.durationMs(), timestamp);
      caseStart(x, "bulwark.gate", "verdict: " + report.verdict().result().id(), report.durationMs());
      if (gateFailed == 1) {
        x.writeStartElement("failure");
        x.writeAttribute("type", "gate");
        x.writeAttribute("message", "the gate failed");
        x.writeCharacters(String.join("\n", report.verdict().reasons()));
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      suiteEnd(x);

      long analyzerTime = outcomes.stream().mapToLong(AnalyzerOutcome::durationMs).sum();
      suiteStart(x, "bulwark.analyzers", outcomes.size(), 0, failedOutcomes, skippedOutcomes, analyzerTime, timestamp);
      for (AnalyzerOutcome o : outcomes) {
        caseStart(x, "bulwark.analyzers", o.analyzer(), o.durationMs());
        if (o.status() == AnalyzerOutcome.Status.FAILED) {
          x.writeStartElement("error");
          x.writeAttribute("type", "analyzer-failed");
          x.writeAttribute("message", o.message() == null ? "failed" : o.message());
          x.writeCharacters(o.analyzer() + " failed after " + o.durationMs() + " ms on " + o.filesSeen() + " files");
          x.writeEndElement();
        } else if (o.status() == AnalyzerOutcome.Status.SKIPPED) {
          x.writeEmptyElement("skipped");
          x.writeAttribute("message", o.message() == null ? "skipped" : o.message());
        }
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      suiteEnd(x);

      for (Map.Entry<Scanner, List<Finding>> e : byScanner.entrySet()) {
        List<Finding> list = e.getValue();
        int failures = (int) list.stream().filter(f -> !f.isSuppressed() && gating.contains(f.id())).count();
        int skipped = (int) list.stream().filter(Finding::isSuppressed).count();
        String suite = "bulwark." + e.getKey().id();
        suiteStart(x, suite, list.size(), failures, 0, skipped, 0, timestamp);
        for (Finding f : list) {
          writeFinding(x, suite, f, gating.contains(f.id()));
        }
        suiteEnd(x);
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close();
      out.flush();
    } catch (XMLStreamException ex) {
      throw new IOException("JUnit XML writing failed: " + ex.getMessage(), ex);
    }
  }

  private static void writeFinding(XMLStreamWriter x, String suite, Finding f, boolean gating) throws XMLStreamException {
    String where = f.location() != null ? f.location().toString() : f.component() != null ? f.component() : "target";
    x.writeStartElement("testcase");
    x.writeAttribute("classname", suite + "." + f.rule());
    x.writeAttribute("name", "[" + f.severity().id() + "] " + f.title() + " @ " + where);
    x.writeAttribute("time", "0");
    if (f.location() != null) {
      x.writeAttribute("file", f.location().path());
      if (f.location().line() != null) {
        x.writeAttribute("line", Integer.toString(f.location().line()));
      }
    }
    if (f.isSuppressed()) {
      x.writeEmptyElement("skipped");
      x.writeAttribute("message", "suppressed by " + f.suppression().kind() + " (" + f.suppression().status() + ")"
          + (f.suppression().reason() == null ? "" : ": " + f.suppression().reason()));
    } else if (gating) {
      x.writeStartElement("failure");
      x.writeAttribute("type", f.severity().id());
      x.writeAttribute("message", f.title());
      x.writeCharacters(details(f));
      x.writeEndElement();
    } else {
      x.writeStartElement("system-out");
      x.writeCharacters(details(f));
      x.writeEndElement();
    }
    x.writeEndElement();
    x.writeCharacters("\n");
  }

  private static String details(Finding f) {
    StringBuilder b = new StringBuilder();
    b.append("rule: ").append(Reports.qualifiedRule(f)).append('\n');
    b.append("severity: ").append(f.severity().id()).append('\n');
    b.append("id: ").append(f.id()).append('\n');
    if (f.location() != null) {
      b.append("location: ").append(f.location()).append('\n');
    }
    if (f.component() != null) {
      b.append("component: ").append(f.component()).append('\n');
    }
    if (!f.aliases().isEmpty()) {
      b.append("aliases: ").append(String.join(", ", f.aliases())).append('\n');
    }
    if (f.description() != null) {
      b.append('\n').append(f.description()).append('\n');
    }
    if (f.fix() != null) {
      b.append("\nfix: ").append(f.fix()).append('\n');
    }
    for (String r : f.references()) {
      b.append("see: ").append(r).append('\n');
    }
    b.append("help: ").append(Reports.helpUri(f)).append('\n');
    return b.toString();
  }

  private static void suiteStart(XMLStreamWriter x, String name, int tests, int failures, int errors, int skipped,
      long ms, String timestamp) throws XMLStreamException {
    x.writeStartElement("testsuite");
    x.writeAttribute("name", name);
    x.writeAttribute("tests", Integer.toString(tests));
    x.writeAttribute("failures", Integer.toString(failures));
    x.writeAttribute("errors", Integer.toString(errors));
    x.writeAttribute("skipped", Integer.toString(skipped));
    x.writeAttribute("time", seconds(ms));
    x.writeAttribute("timestamp", timestamp);
    x.writeCharacters("\n");
  }

  private static void suiteEnd(XMLStreamWriter x) throws XMLStreamException {
    x.writeEndElement();
    x.writeCharacters("\n");
  }

  private static void caseStart(XMLStreamWriter x, String classname, String name, long ms) throws XMLStreamException {
    x.writeStartElement("testcase");
    x.writeAttribute("classname", classname);
    x.writeAttribute("name", name);
    x.writeAttribute("time", seconds(ms));
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
  }
}
