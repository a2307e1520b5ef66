package dev.bulwark.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Everything one scan produced; the single input of every report writer. */
public record ScanReport(
    ToolInfo tool,
    Target target,
    Instant startedAt,
    long durationMs,
    Inventory inventory,
    List<Finding> findings,
    List<AnalyzerOutcome> outcomes,
    Verdict verdict) {

  /** The schema id of the JSON report; bump it on any breaking change. */
  public static final String JSON_SCHEMA = "bulwark/report/v1";

  public record ToolInfo(String name, String version) {}

  public ScanReport {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(verdict, "verdict");
    findings = List.copyOf(findings);
    outcomes = List.copyOf(outcomes);
  }

  public List<Component> components() {
    return inventory.components();
  }

  /** Findings that count: not suppressed by a waiver, VEX, baseline or inline allow. */
  public List<Finding> activeFindings() {
    return findings.stream().filter(f -> !f.isSuppressed()).toList();
  }

  public ScanReport withVerdict(Verdict newVerdict) {
    return new ScanReport(tool, target, startedAt, durationMs, inventory, findings, outcomes, newVerdict);
  }
}
