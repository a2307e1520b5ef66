package dev.bulwark.report;

import dev.bulwark.model.AnalyzerOutcome;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Severity;
import dev.bulwark.spi.ReportWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human summary for a terminal: one summary line, the findings as a table (worst first; with the
 * component's name and version when findings name one), the
 * suppressed findings, analyzers that failed or were skipped, and the verdict. Colours only when asked;
 * control characters from scanned content are replaced so a hostile file name cannot drive the terminal.
 * On a terminal the table fits {@code $COLUMNS} (default 120) by shortening titles, then locations.
 */
public final class TableReportWriter implements ReportWriter {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";

  private final int width;

  public TableReportWriter() {
    this(terminalWidth());
  }

  TableReportWriter(int width) {
    this.width = width;
  }

  @Override
  public String format() {
    return "table";
  }

  @Override
  public String description() {
    return "a human-readable summary and findings table (default, stdout)";
  }

  @Override
  public void write(ScanReport report, OutputStream out, boolean colour) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    List<Finding> findings = Reports.sortedFindings(report);
    List<Finding> active = new ArrayList<>();
    List<Finding> suppressed = new ArrayList<>();
    for (Finding f : findings) {
      (f.isSuppressed() ? suppressed : active).add(f);
    }
    w.write(summaryLine(report, findings, colour));
    w.write("\n");
    if (!active.isEmpty()) {
      w.write("\n");
      writeTable(w, active, componentLabels(report, active), colour);
    }
    if (!suppressed.isEmpty()) {
      w.write("\n" + paint("Suppressed (" + suppressed.size() + "):", BOLD, colour) + "\n");
      for (Finding f : suppressed) {
        w.write("  " + clean(f.severity().id()) + "  " + clean(Reports.qualifiedRule(f)) + "  " + clean(where(f))
            + "  (" + clean(f.suppression().kind() + " " + f.suppression().status()
            + (f.suppression().reason() == null ? "" : ": " + f.suppression().reason())) + ")\n");
      }
    }
    List<AnalyzerOutcome> problems = new ArrayList<>();
    for (AnalyzerOutcome o : Reports.sortedOutcomes(report)) {
      if (o.status() != AnalyzerOutcome.Status.COMPLETED) {
        problems.add(o);
      }
    }
    if (!problems.isEmpty()) {
      w.write("\n" + paint("Analyzers not completed:", BOLD, colour) + "\n");
      for (AnalyzerOutcome o : problems) {
        String status = o.status().id().toUpperCase(Locale.ROOT);
        w.write("  " + paint(pad(status, 8), o.status() == AnalyzerOutcome.Status.FAILED ? "\u001b[31m" : DIM, colour)
            + clean(o.analyzer()) + (o.message() == null ? "" : ": " + clean(o.message())) + "\n");
      }
    }
    if (!report.verdict().reasons().isEmpty()) {
      w.write("\n" + paint("Verdict " + report.verdict().result().id().toUpperCase(Locale.ROOT) + ":", BOLD, colour) + "\n");
      for (String reason : report.verdict().reasons()) {
        w.write("  - " + clean(reason) + "\n");
      }
    }
    w.flush();
  }

  private static String summaryLine(ScanReport r, List<Finding> findings, boolean colour) {
    Map<Severity, Integer> counts = Reports.countBySeverity(findings);
    int active = counts.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder b = new StringBuilder();
    b.append(clean(r.target().path())).append(": ").append(r.components().size()).append(" components, ")
        .append(active).append(active == 1 ? " finding" : " findings");
    if (active > 0) {
      b.append(" (");
      boolean first = true;
      for (Severity s : Severity.values()) {
        if (counts.get(s) > 0) {
          b.append(first ? "" : ", ").append(paint(counts.get(s) + " " + s.id(), colourOf(s), colour));
          first = false;
        }
      }
      b.append(')');
    }
    int suppressed = findings.size() - active;
    if (suppressed > 0) {
      b.append(", ").append(suppressed).append(" suppressed");
    }
    String verdict = r.verdict().result().id().toUpperCase(Locale.ROOT);
    String vColour = switch (r.verdict().result()) {
      case PASS -> "\u001b[1;32m";
      case WARN -> "\u001b[1;33m";
      case FAIL -> "\u001b[1;31m";
    };
    b.append(" — verdict ").append(paint(verdict, vColour, colour));
    return b.toString();
  }

  private void writeTable(Writer w, List<Finding> rows, Map<String, String> components, boolean colour)
      throws IOException {
    int sevW = "SEVERITY".length();
    int scW = "SCANNER".length();
    int ruleW = "RULE".length();
    int locW = "LOCATION".length();
    int compW = components.isEmpty() ? 0 : "COMPONENT".length();
    for (Finding f : rows) {
      ruleW = Math.max(ruleW, Math.min(40, clean(f.rule()).length()));
      locW = Math.max(locW, Math.min(60, clean(where(f)).length()));
      if (f.component() != null) {
        compW = Math.max(compW, Math.min(40, clean(components.get(f.component())).length()));
      }
    }
    int titleW = Integer.MAX_VALUE;
    int width = widthFor(colour);
    if (width > 0) {
      // rule ids matter most, then the location, then the title; the component column gives way first
      int avail = width - sevW - scW - 6;
      ruleW = Math.min(ruleW, Math.max(12, avail / 3));
      avail -= ruleW + 2;
      if (compW > 0) {
        compW = Math.min(compW, Math.max(10, avail / 4));
        avail -= compW + 2;
      }
      locW = Math.min(locW, Math.max(12, avail * 2 / 5));
      avail -= locW + 2;
      titleW = Math.max(10, avail);
    }
    String compHead = compW > 0 ? pad("COMPONENT", compW) + "  " : "";
    w.write(paint(pad("SEVERITY", sevW) + "  " + pad("SCANNER", scW) + "  " + pad("RULE", ruleW) + "  "
        + pad("LOCATION", locW) + "  " + compHead + "TITLE", BOLD, colour) + "\n");
    for (Finding f : rows) {
      String comp = compW == 0 ? "" : pad(fit(clean(f.component() == null ? "-" : components.get(f.component())), compW), compW) + "  ";
      w.write(paint(pad(f.severity().id(), sevW), colourOf(f.severity()), colour) + "  " + pad(f.scanner().id(), scW)
          + "  " + pad(fit(clean(f.rule()), ruleW), ruleW) + "  " + pad(fitLeft(clean(where(f)), locW), locW) + "  "
          + comp + fit(clean(f.title()), titleW) + "\n");
    }
  }

  /** {@code name@version} of each component a finding names (its ref when it is not in the inventory). */
  private static Map<String, String> componentLabels(ScanReport report, List<Finding> rows) {
    Map<String, String> labels = new java.util.HashMap<>();
    for (Finding f : rows) {
      if (f.component() != null) {
        labels.put(f.component(), f.component());
      }
    }
    if (!labels.isEmpty()) {
      for (dev.bulwark.model.Component c : report.components()) {
        if (labels.containsKey(c.ref())) {
          labels.put(c.ref(), c.displayName() + (c.version() == null ? "" : "@" + c.version()));
        }
      }
    }
    return labels;
  }

  private static String where(Finding f) {
    return f.location() != null ? f.location().toString() : "-";
  }

  private static String colourOf(Severity s) {
    return switch (s) {
      case CRITICAL -> "\u001b[1;35m";
      case HIGH -> "\u001b[1;31m";
      case MEDIUM -> "\u001b[33m";
      case LOW -> "\u001b[36m";
      case INFO -> DIM;
    };
  }

  private static String paint(String text, String ansi, boolean colour) {
    return colour ? ansi + text + RESET : text;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** Cuts the end, marking the cut. */
  private static String fit(String s, int width) {
    return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
  }

  /** Cuts the start, for paths whose end (file name, line) matters most. */
  private static String fitLeft(String s, int width) {
    return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
  }

  /** Replaces control characters (ESC, BEL, CR, bidi overrides...) so scanned text cannot move the cursor, recolour or reorder. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // C0/C1 controls, line separators and bidi overrides (which can make a path read as another)
      boolean bad = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
          || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f';
      if (bad && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.append(bad ? (c == '\n' || c == '\t' ? ' ' : '\uFFFD') : c);
      }
    }
    return b == null ? s : b.toString();
  }

  private static int terminalWidth() {
    String columns = System.getenv("COLUMNS");
    if (columns != null) {
      try {
        int n = Integer.parseInt(columns.trim());
        if (n >= 40) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // fall through to the default
      }
    }
    return 0;
  }

  /** Only a terminal (signalled by {@code colour}) is fitted: {@code $COLUMNS}, else 120; files get full text. */
  int widthFor(boolean colour) {
    return colour ? (width > 0 ? width : 120) : 0;
  }
}
