package dev.bulwark.report;

import dev.bulwark.model.AnalyzerOutcome;
import dev.bulwark.model.Component;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Location;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Suppression;
import dev.bulwark.model.Target;
import dev.bulwark.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XML 1.0 cannot hold most control characters, and scanned content (file names, titles quoting file
 * content) may contain them. XML writers pass the report through here: every character XML forbids
 * becomes U+FFFD, so output is always well-formed and nothing is silently dropped.
 */
final class XmlSafe {
  private XmlSafe() {}

  static String text(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (b != null) {
          b.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      if (!ok && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.append(ok ? c : '\uFFFD');
      }
    }
    return b == null ? s : b.toString();
  }

  private static List<String> texts(List<String> values) {
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(text(v));
    }
    return out;
  }

  private static Map<String, String> texts(Map<String, String> values) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(text(k), text(v)));
    return out;
  }

  private static Location location(Location l) {
    return l == null ? null : new Location(text(l.path()), l.line(), l.column(), l.offset());
  }

  /** The same report with every string made XML-safe. */
  static ScanReport report(ScanReport r) {
    List<Component> components = new ArrayList<>(r.components().size());
    for (Component c : r.components()) {
      List<Location> locations = new ArrayList<>();
      c.locations().forEach(l -> locations.add(location(l)));
      components.add(new Component(text(c.ref()), c.type(), text(c.group()), text(c.name()), text(c.version()),
          text(c.purl()), text(c.ecosystem()), c.scope(), c.kind(), c.firstParty(), locations, texts(c.licenses()),
          texts(c.hashes()), texts(c.properties()), texts(c.dependsOn())));
    }
    List<Finding> findings = new ArrayList<>(r.findings().size());
    for (Finding f : r.findings()) {
      Suppression s = f.suppression() == null ? null : new Suppression(text(f.suppression().kind()),
          text(f.suppression().status()), text(f.suppression().reason()), text(f.suppression().source()));
      findings.add(new Finding(f.id(), f.scanner(), text(f.rule()), f.severity(), text(f.title()), text(f.description()),
          text(f.component()), location(f.location()), texts(f.evidence()), texts(f.references()), text(f.fix()),
          texts(f.aliases()), s));
    }
    List<AnalyzerOutcome> outcomes = new ArrayList<>();
    for (AnalyzerOutcome o : r.outcomes()) {
      outcomes.add(new AnalyzerOutcome(text(o.analyzer()), o.status(), text(o.message()), o.durationMs(), o.filesSeen()));
    }
    List<Verdict.FiredRule> fired = new ArrayList<>();
    for (Verdict.FiredRule fr : r.verdict().firedRules()) {
      fired.add(new Verdict.FiredRule(text(fr.rule()), text(fr.action()), text(fr.message()), fr.findings()));
    }
    Verdict verdict = new Verdict(r.verdict().result(), texts(r.verdict().reasons()), fired);
    Target target = new Target(text(r.target().path()), r.target().type(), texts(r.target().facts()));
    return new ScanReport(new ScanReport.ToolInfo(text(r.tool().name()), text(r.tool().version())), target,
        r.startedAt(), r.durationMs(), new Inventory(components), findings, outcomes, verdict);
  }
}
