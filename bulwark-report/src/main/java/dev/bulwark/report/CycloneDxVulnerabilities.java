package dev.bulwark.report;

import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;
import org.cyclonedx.model.vulnerability.Vulnerability.Rating;

/**
 * The {@code vulnerabilities} of a BOM: one entry per {@code vuln} finding (id = the OSV id, source OSV),
 * rated from the finding's severity and its {@code cvss.vector}/{@code cvss.score} evidence, affecting the finding's component,
 * with an {@code analysis} when a VEX statement suppressed it.
 */
final class CycloneDxVulnerabilities {

  private CycloneDxVulnerabilities() {}

  static List<Vulnerability> of(ScanReport report, Set<String> componentRefs) {
    List<Vulnerability> out = new ArrayList<>();
    Set<String> bomRefs = new java.util.HashSet<>();
    for (Finding f : Reports.sortedFindings(report)) {
      if (f.scanner() == Scanner.VULN) {
        Vulnerability v = vulnerability(f, componentRefs);
        // bom-refs must be unique in a BOM; two findings with one fingerprint would otherwise clash
        String ref = v.getBomRef();
        for (int n = 2; !bomRefs.add(ref); n++) {
          ref = v.getBomRef() + "-" + n;
        }
        v.setBomRef(ref);
        out.add(v);
      }
    }
    return out;
  }

  private static Vulnerability vulnerability(Finding f, Set<String> componentRefs) {
    Vulnerability v = new Vulnerability();
    v.setBomRef("bulwark:finding:" + f.id());
    v.setId(f.rule());
    v.setSource(osv(f.rule()));
    for (String alias : f.aliases()) {
      Vulnerability.Reference r = new Vulnerability.Reference();
      r.setId(alias);
      r.setSource(sourceOf(alias));
      v.addReference(r);
    }
    v.addRating(rating(f));
    v.setDescription(f.title());
    if (f.description() != null) {
      v.setDetail(f.description());
    }
    if (f.fix() != null) {
      v.setRecommendation(f.fix());
    }
    for (String url : f.references()) {
      if (url.startsWith("https://") || url.startsWith("http://")) {
        Vulnerability.Advisory a = new Vulnerability.Advisory();
        a.setUrl(url);
        v.addAdvisory(a);
      }
    }
    if (f.component() != null && componentRefs.contains(f.component())) {
      Vulnerability.Affect affect = new Vulnerability.Affect();
      affect.setRef(f.component());
      v.setAffects(List.of(affect));
    }
    Suppression s = f.suppression();
    if (s != null && "vex".equals(s.kind())) {
      v.setAnalysis(analysis(s));
    }
    List<Property> props = new ArrayList<>();
    props.add(new Property("bulwark:findingId", f.id()));
    props.add(new Property("bulwark:severity", f.severity().id()));
    if (f.location() != null) {
      props.add(new Property("bulwark:location", f.location().toString()));
    }
    if (s != null) {
      props.add(new Property("bulwark:suppression", s.kind() + ":" + s.status()));
    }
    v.setProperties(props);
    return v;
  }

  private static Rating rating(Finding f) {
    Rating r = new Rating();
    r.setSource(osv(f.rule()));
    r.setSeverity(Rating.Severity.valueOf(f.severity().name()));
    String vector = first(f, "cvss.vector", "cvss", "cvssVector");
    if (vector != null && !vector.isBlank()) {
      r.setVector(vector);
      r.setMethod(method(vector));
    }
    String score = first(f, "cvss.score", "cvssScore", "score");
    if (score != null) {
      try {
        double d = Double.parseDouble(score.trim());
        if (d >= 0 && d <= 10) {
          r.setScore(d);
        }
      } catch (NumberFormatException notANumber) {
        // a score the vulnerability database could not express as a number is left out
      }
    }
    return r;
  }

  private static String first(Finding f, String... keys) {
    for (String k : keys) {
      String v = f.evidence().get(k);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  static Rating.Method method(String vector) {
    if (vector.startsWith("CVSS:4")) {
      return Rating.Method.CVSSV4;
    }
    if (vector.startsWith("CVSS:3.1")) {
      return Rating.Method.CVSSV31;
    }
    if (vector.startsWith("CVSS:3")) {
      return Rating.Method.CVSSV3;
    }
    if (vector.contains("Au:")) {
      return Rating.Method.CVSSV2;
    }
    return Rating.Method.OTHER;
  }

  private static Vulnerability.Source osv(String id) {
    Vulnerability.Source s = new Vulnerability.Source();
    s.setName("OSV");
    s.setUrl("https://osv.dev/vulnerability/" + UriPaths.encodePath(id));
    return s;
  }

  private static Vulnerability.Source sourceOf(String alias) {
    Vulnerability.Source s = new Vulnerability.Source();
    if (alias.startsWith("CVE-")) {
      s.setName("NVD");
      s.setUrl("https://nvd.nist.gov/vuln/detail/" + UriPaths.encodePath(alias));
    } else if (alias.startsWith("GHSA-")) {
      s.setName("GitHub");
      s.setUrl("https://github.com/advisories/" + UriPaths.encodePath(alias));
    } else {
      s.setName("OSV");
      s.setUrl("https://osv.dev/vulnerability/" + UriPaths.encodePath(alias));
    }
    return s;
  }

  /** VEX status and justification (OpenVEX or CycloneDX spelling) as a CycloneDX analysis. */
  static Analysis analysis(Suppression s) {
    Analysis a = new Analysis();
    a.setState(switch (s.status().toLowerCase(Locale.ROOT)) {
      case "not_affected", "not-affected" -> Analysis.State.NOT_AFFECTED;
      case "fixed", "resolved" -> Analysis.State.RESOLVED;
      case "under_investigation", "in_triage" -> Analysis.State.IN_TRIAGE;
      case "affected", "exploitable" -> Analysis.State.EXPLOITABLE;
      case "false_positive" -> Analysis.State.FALSE_POSITIVE;
      default -> Analysis.State.NOT_AFFECTED;
    });
    if (s.reason() != null) {
      Analysis.Justification j = justification(s.reason());
      if (j != null) {
        a.setJustification(j);
      }
      a.setDetail(s.reason() + (s.source() == null ? "" : " (" + s.source() + ")"));
    } else if (s.source() != null) {
      a.setDetail("from " + s.source());
    }
    return a;
  }

  private static Analysis.Justification justification(String reason) {
    // the VEX stage writes "justification: detail"
    int colon = reason.indexOf(':');
    String r = (colon < 0 ? reason : reason.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    return switch (r) {
      case "component_not_present", "vulnerable_code_not_present", "code_not_present" -> Analysis.Justification.CODE_NOT_PRESENT;
      case "vulnerable_code_not_in_execute_path", "code_not_reachable" -> Analysis.Justification.CODE_NOT_REACHABLE;
      case "vulnerable_code_cannot_be_controlled_by_adversary", "inline_mitigations_already_exist",
          "protected_by_mitigating_control" -> Analysis.Justification.PROTECTED_BY_MITIGATING_CONTROL;
      case "requires_configuration" -> Analysis.Justification.REQUIRES_CONFIGURATION;
      case "requires_dependency" -> Analysis.Justification.REQUIRES_DEPENDENCY;
      case "requires_environment" -> Analysis.Justification.REQUIRES_ENVIRONMENT;
      case "protected_by_compiler" -> Analysis.Justification.PROTECTED_BY_COMPILER;
      case "protected_at_runtime" -> Analysis.Justification.PROTECTED_AT_RUNTIME;
      case "protected_at_perimeter" -> Analysis.Justification.PROTECTED_AT_PERIMETER;
      default -> null;
    };
  }

}
