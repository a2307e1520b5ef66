package dev.bulwark.vuln.vex;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.bulwark.model.Component;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Suppression;
import dev.bulwark.spi.ReportStage;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.vuln.version.Ecosystems;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the VEX files of setting {@code vuln.vex} (comma-separated; the CLI's {@code --vex FILE}) to
 * vulnerability findings: a {@code not_affected} or {@code fixed} statement about the finding's
 * vulnerability (its rule or any alias) and its component marks it suppressed, with the justification
 * and the file shown. Statements whose products name none of the inventory's packages are about the
 * scanned product as a whole and apply to every component.
 */
public final class VexStage implements ReportStage {

  @Override
  public String id() {
    return "vex";
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public ScanReport apply(ScanReport report, ScanContext context) throws Exception {
    String setting = context.setting("vuln.vex").orElse("");
    if (setting.isBlank()) {
      return report;
    }
    List<VexStatement> statements = new ArrayList<>();
    for (String f : setting.split(",")) {
      if (!f.isBlank()) statements.addAll(VexReader.read(Paths.get(f.trim())));
    }
    return apply(report, statements);
  }

  static ScanReport apply(ScanReport report, List<VexStatement> statements) {
    List<Finding> out = new ArrayList<>(report.findings().size());
    for (Finding f : report.findings()) {
      out.add(f.scanner() == Scanner.VULN && !f.isSuppressed() ? decide(f, report, statements) : f);
    }
    return new ScanReport(report.tool(), report.target(), report.startedAt(), report.durationMs(), report.inventory(),
        out, report.outcomes(), report.verdict());
  }

  private static Finding decide(Finding f, ScanReport report, List<VexStatement> statements) {
    Set<String> ids = new HashSet<>(f.aliases());
    ids.add(f.rule());
    Component component = f.component() == null ? null : report.inventory().byRef(f.component()).orElse(null);
    VexStatement chosen = null;
    for (VexStatement s : statements) {
      if (s.vulnerabilities().stream().noneMatch(ids::contains)) continue;
      if (!appliesTo(s, component, f.component(), report)) continue;
      chosen = s; // the last matching statement wins, as later VEX statements supersede earlier ones
    }
    if (chosen == null) {
      return f;
    }
    Finding.Builder b = f.toBuilder().evidence("vex.status", chosen.status());
    if (chosen.suppresses()) {
      String reason = chosen.justification();
      if (chosen.detail() != null) reason = reason == null ? chosen.detail() : reason + ": " + chosen.detail();
      b.suppression(new Suppression("vex", chosen.status(), reason, chosen.source()));
    }
    return b.build();
  }

  private static boolean appliesTo(VexStatement s, Component component, String ref, ScanReport report) {
    if (s.products().isEmpty()) return true;
    boolean namesAnInventoryPackage = false;
    for (String p : s.products()) {
      if (component != null && matches(p, component)) return true;
      if (p.equals(ref)) return true;
      if (!namesAnInventoryPackage) {
        namesAnInventoryPackage = report.inventory().components().stream().anyMatch(c -> matches(p, c));
      }
    }
    return !namesAnInventoryPackage;
  }

  /** A VEX product purl matches a component when type, namespace and name agree, and the version when it has one. */
  static boolean matches(String product, Component c) {
    if (product.equals(c.ref())) return true;
    if (c.purl() == null || !product.startsWith("pkg:")) return false;
    try {
      PackageURL p = new PackageURL(product);
      PackageURL q = new PackageURL(c.purl());
      if (!p.getType().equals(q.getType())) return false;
      if (!Objects.equals(lower(p.getNamespace()), lower(q.getNamespace()))) return false;
      boolean pypi = p.getType().equals("pypi");
      String pn = pypi ? Ecosystems.pep503(p.getName()) : p.getName();
      String qn = pypi ? Ecosystems.pep503(q.getName()) : q.getName();
      if (!pn.equals(qn)) return false;
      return p.getVersion() == null || p.getVersion().equals(q.getVersion() != null ? q.getVersion() : c.version());
    } catch (MalformedPackageURLException e) {
      return false;
    }
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
