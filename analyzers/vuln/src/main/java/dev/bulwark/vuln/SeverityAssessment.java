package dev.bulwark.vuln;

import dev.bulwark.model.Severity;
import dev.bulwark.vuln.cvss.CvssScore;
import dev.bulwark.vuln.osv.OsvEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The severity of a vulnerability: malicious packages are critical; otherwise the newest CVSS version
 * present (v4.0, then v3.1/v3.0, then v2) on the record or its matching affected entries, scored; else the
 * database-specific rating (GHSA {@code MODERATE} is medium); else medium, marked unknown.
 */
public record SeverityAssessment(Severity severity, String source, CvssScore cvss, List<CvssScore> allScores) {

  public static SeverityAssessment of(OsvEntry primary, List<OsvEntry> group, List<OsvEntry.Affected> affected) {
    if (primary.isMalicious()) {
      return new SeverityAssessment(Severity.CRITICAL, "malicious", null, List.of());
    }
    List<CvssScore> scores = new ArrayList<>();
    List<OsvEntry> ordered = new ArrayList<>();
    ordered.add(primary);
    group.stream().filter(e -> e != primary).forEach(ordered::add);
    for (OsvEntry e : ordered) {
      for (OsvEntry.SeverityScore s : e.severity()) {
        if (s.type().startsWith("CVSS_")) CvssScore.of(s.score()).ifPresent(scores::add);
      }
    }
    for (OsvEntry.Affected a : affected) {
      for (OsvEntry.SeverityScore s : a.severity()) {
        if (s.type().startsWith("CVSS_")) CvssScore.of(s.score()).ifPresent(scores::add);
      }
    }
    Optional<CvssScore> best = Optional.empty();
    for (String version : List.of("4.0", "3.1", "3.0", "2.0")) {
      best = scores.stream().filter(s -> s.version().equals(version)).findFirst();
      if (best.isPresent()) break;
    }
    if (best.isPresent()) {
      return new SeverityAssessment(best.get().severity(), "cvss", best.get(), List.copyOf(scores));
    }
    List<String> texts = new ArrayList<>();
    for (OsvEntry e : ordered) texts.add(e.databaseSeverity());
    for (OsvEntry.Affected a : affected) texts.add(a.databaseSeverity());
    for (String t : texts) {
      Optional<Severity> s = fromText(t);
      if (s.isPresent()) {
        return new SeverityAssessment(s.get(), "database_specific", null, List.of());
      }
    }
    return new SeverityAssessment(Severity.MEDIUM, "unknown", null, List.of());
  }

  static Optional<Severity> fromText(String text) {
    if (text == null) return Optional.empty();
    return switch (text.trim().toUpperCase(Locale.ROOT)) {
      case "CRITICAL" -> Optional.of(Severity.CRITICAL);
      case "HIGH", "IMPORTANT" -> Optional.of(Severity.HIGH);
      case "MODERATE", "MEDIUM" -> Optional.of(Severity.MEDIUM);
      case "LOW", "NEGLIGIBLE", "MINOR" -> Optional.of(Severity.LOW);
      default -> Optional.empty();
    };
  }
}
