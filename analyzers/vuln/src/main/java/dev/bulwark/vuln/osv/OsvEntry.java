package dev.bulwark.vuln.osv;

import java.util.List;

/**
 * One OSV record, reduced to what matching and reporting need. Lists are never null.
 *
 * @param modified RFC 3339 text as written (compared as an instant by {@link OsvParser#instant})
 * @param withdrawn null unless the record was withdrawn
 * @param databaseSeverity {@code database_specific.severity} (GHSA: {@code LOW|MODERATE|HIGH|CRITICAL}), or null
 */
public record OsvEntry(String id, String modified, String withdrawn, List<String> aliases, List<String> related,
    String summary, String details, List<SeverityScore> severity, List<Affected> affected, List<String> references,
    String databaseSeverity) {

  public OsvEntry {
    aliases = List.copyOf(aliases);
    related = List.copyOf(related);
    severity = List.copyOf(severity);
    affected = List.copyOf(affected);
    references = List.copyOf(references);
  }

  /** OpenSSF malicious-packages records. */
  public boolean isMalicious() {
    return id.startsWith("MAL-");
  }

  /** A {@code severity[]} item: {@code CVSS_V2|CVSS_V3|CVSS_V4|Ubuntu|...} and its vector or value. */
  public record SeverityScore(String type, String score) {}

  /** An {@code affected[]} item. {@code ecosystem} and {@code name} are null for GIT-only records. */
  public record Affected(String ecosystem, String name, String purl, List<Range> ranges, List<String> versions,
      List<SeverityScore> severity, String databaseSeverity) {
    public Affected {
      ranges = List.copyOf(ranges);
      versions = versions instanceof PackedVersions ? versions : List.copyOf(versions);
      severity = List.copyOf(severity);
    }
  }

  /** A {@code ranges[]} item: type {@code ECOSYSTEM|SEMVER|GIT}, its repo (GIT) and its events in file order. */
  public record Range(String type, String repo, List<Event> events) {
    public Range {
      events = List.copyOf(events);
    }
  }

  /** One event: kind {@code introduced|fixed|last_affected|limit} and the version it names. */
  public record Event(String kind, String version) {}
}
