package dev.bulwark.secrets.baseline;

import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Suppression;
import dev.bulwark.spi.ReportStage;
import dev.bulwark.spi.ScanContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * With {@code secrets.baseline=FILE} ({@code --baseline FILE}): secret findings whose fingerprint is in the
 * baseline are marked suppressed (kind {@code baseline}); they stay in the report but no longer fail the gate.
 */
public final class BaselineStage implements ReportStage {

  public static final String SETTING = "secrets.baseline";

  @Override
  public String id() {
    return "secrets-baseline";
  }

  @Override
  public int order() {
    return 200;
  }

  @Override
  public ScanReport apply(ScanReport report, ScanContext context) throws Exception {
    Optional<String> file = context.setting(SETTING).filter(s -> !s.isBlank());
    if (file.isEmpty()) {
      return report;
    }
    Path path = Path.of(file.get());
    Set<String> accepted = Baseline.read(path).ids();
    Suppression suppression = new Suppression("baseline", "accepted", "recorded in the secrets baseline", file.get());
    List<Finding> out = new ArrayList<>(report.findings().size());
    for (Finding f : report.findings()) {
      boolean hit = f.scanner() == Scanner.SECRET && !f.isSuppressed() && accepted.contains(f.id());
      out.add(hit ? f.withSuppression(suppression) : f);
    }
    return new ScanReport(report.tool(), report.target(), report.startedAt(), report.durationMs(), report.inventory(),
        out, report.outcomes(), report.verdict());
  }
}
