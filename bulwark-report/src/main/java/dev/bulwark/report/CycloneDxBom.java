package dev.bulwark.report;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Target;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Builds the CycloneDX 1.6 model of a scan: metadata (target, tool, start time), one component per
 * inventory entry, the dependency graph and the vulnerabilities. Shared by the JSON and XML writers.
 */
final class CycloneDxBom {

  /** bom-ref of the metadata component that stands for the scanned target. */
  static final String TARGET_REF = "bulwark:target";

  /** Properties the writer adds and the SBOM reader takes back into fields. */
  static final String P_ECOSYSTEM = "bulwark:ecosystem";
  static final String P_DEPENDENCY_SCOPE = "bulwark:dependencyScope";
  static final String P_KIND = "bulwark:kind";
  static final String P_FIRST_PARTY = "bulwark:firstParty";
  static final String P_LOCATION = "bulwark:location";
  static final Set<String> WRITER_PROPERTIES = Set.of(P_ECOSYSTEM, P_DEPENDENCY_SCOPE, P_KIND, P_FIRST_PARTY, P_LOCATION);

  private CycloneDxBom() {}

  static Bom of(ScanReport report) {
    Bom bom = new Bom();
    bom.setVersion(1);
    bom.setSerialNumber("urn:uuid:" + serial(report));
    bom.setMetadata(metadata(report));
    Set<String> refs = new HashSet<>();
    for (Component c : report.components()) {
      refs.add(c.ref());
    }
    List<org.cyclonedx.model.Component> components = new ArrayList<>(report.components().size());
    List<Dependency> dependencies = new ArrayList<>(report.components().size() + 1);
    Set<String> depended = new HashSet<>();
    for (Component c : report.components()) {
      components.add(component(c));
      Dependency d = new Dependency(c.ref());
      for (String target : c.dependsOn()) {
        if (refs.contains(target) && !target.equals(c.ref())) {
          d.addDependency(new Dependency(target));
          depended.add(target);
        }
      }
      dependencies.add(d);
    }
    Dependency root = new Dependency(TARGET_REF);
    for (Component c : report.components()) {
      if (c.scope() == DependencyScope.DIRECT || !depended.contains(c.ref())) {
        root.addDependency(new Dependency(c.ref()));
      }
    }
    dependencies.add(0, root);
    bom.setComponents(components);
    bom.setDependencies(dependencies);
    List<org.cyclonedx.model.vulnerability.Vulnerability> vulns = CycloneDxVulnerabilities.of(report, refs);
    if (!vulns.isEmpty()) {
      bom.setVulnerabilities(vulns);
    }
    return bom;
  }

  /** A name-based UUID: the same scan (target, start, tool) always gets the same serial number. */
  private static UUID serial(ScanReport report) {
    String key = report.tool().name() + "\u0000" + report.tool().version() + "\u0000" + report.target().path()
        + "\u0000" + report.startedAt();
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  private static Metadata metadata(ScanReport report) {
    Metadata m = new Metadata();
    m.setTimestamp(Date.from(report.startedAt()));
    org.cyclonedx.model.Component tool = new org.cyclonedx.model.Component();
    tool.setType(org.cyclonedx.model.Component.Type.APPLICATION);
    tool.setGroup("dev.bulwark");
    tool.setName(report.tool().name());
    tool.setVersion(report.tool().version());
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    m.setToolChoice(tools);
    Target t = report.target();
    org.cyclonedx.model.Component subject = new org.cyclonedx.model.Component();
    subject.setBomRef(TARGET_REF);
    subject.setType(switch (t.type()) {
      case FILE -> org.cyclonedx.model.Component.Type.FILE;
      case IMAGE -> org.cyclonedx.model.Component.Type.CONTAINER;
      default -> org.cyclonedx.model.Component.Type.APPLICATION;
    });
    subject.setName(targetName(t));
    List<Property> props = new ArrayList<>();
    props.add(new Property("bulwark:target:path", t.path()));
    props.add(new Property("bulwark:target:type", t.type().id()));
    t.facts().forEach((k, v) -> props.add(new Property(k, v)));
    subject.setProperties(props);
    m.setComponent(subject);
    m.setProperties(List.of(new Property("bulwark:verdict", report.verdict().result().id())));
    return m;
  }

  /** Last segment of the target path, as people name the project. */
  static String targetName(Target t) {
    String p = t.path().replace('\\', '/');
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    String name = p.substring(p.lastIndexOf('/') + 1);
    return name.isEmpty() || name.equals(".") ? "target" : name;
  }

  static org.cyclonedx.model.Component component(Component c) {
    org.cyclonedx.model.Component x = new org.cyclonedx.model.Component();
    x.setBomRef(c.ref());
    x.setType(type(c.type()));
    x.setGroup(c.group());
    x.setName(c.name());
    x.setVersion(c.version());
    x.setPurl(c.purl());
    x.setScope(switch (c.kind()) {
      case RUNTIME, PROVIDED -> org.cyclonedx.model.Component.Scope.REQUIRED;
      case OPTIONAL -> org.cyclonedx.model.Component.Scope.OPTIONAL;
      case DEVELOPMENT, TEST -> org.cyclonedx.model.Component.Scope.EXCLUDED;
      case UNKNOWN -> null;
    });
    List<Hash> hashes = new ArrayList<>();
    for (Map.Entry<String, String> h : c.hashes().entrySet()) {
      HashAlgorithm.parse(h.getKey()).filter(a -> a.cycloneDx != null)
          .ifPresent(a -> a.hex(h.getValue()).ifPresent(hex -> hashes.add(new Hash(a.cycloneDx, hex))));
    }
    if (!hashes.isEmpty()) {
      x.setHashes(hashes);
    }
    LicenseChoice licenses = licenses(c.licenses());
    if (licenses != null) {
      x.setLicenses(licenses);
    }
    List<Property> props = new ArrayList<>();
    c.properties().forEach((k, v) -> props.add(new Property(k, v)));
    if (c.ecosystem() != null) {
      props.add(new Property(P_ECOSYSTEM, c.ecosystem()));
    }
    props.add(new Property(P_DEPENDENCY_SCOPE, c.scope().id()));
    props.add(new Property(P_KIND, c.kind().id()));
    props.add(new Property(P_FIRST_PARTY, Boolean.toString(c.firstParty())));
    for (Location l : c.locations()) {
      props.add(new Property(P_LOCATION, l.toString()));
    }
    x.setProperties(props);
    if (c.type() == ComponentType.MACHINE_LEARNING_MODEL) {
      CycloneDxModelCards.of(c).ifPresent(x::setModelCard);
    }
    return x;
  }

  static org.cyclonedx.model.Component.Type type(ComponentType t) {
    return org.cyclonedx.model.Component.Type.valueOf(t.name());
  }

  /**
   * CycloneDX holds either licences (SPDX id or name) or one expression. Several licences that are all
   * ids or expressions become one {@code AND} expression; a mix with free-text names stays a list.
   */
  static LicenseChoice licenses(List<String> values) {
    if (values.isEmpty()) {
      return null;
    }
    boolean anyExpression = false;
    boolean anyName = false;
    for (String v : values) {
      SpdxLicenses.Kind k = SpdxLicenses.kind(v);
      anyExpression |= k == SpdxLicenses.Kind.EXPRESSION;
      anyName |= k == SpdxLicenses.Kind.NAME;
    }
    LicenseChoice choice = new LicenseChoice();
    if (anyExpression && !anyName) {
      StringBuilder b = new StringBuilder();
      for (String v : values) {
        if (b.length() > 0) {
          b.append(" AND ");
        }
        String e = SpdxLicenses.normalizeExpression(v);
        b.append(values.size() > 1 && SpdxLicenses.kind(v) == SpdxLicenses.Kind.EXPRESSION
            ? SpdxLicenses.grouped(e) : e);
      }
      choice.setExpression(new Expression(b.toString()));
      return choice;
    }
    List<License> list = new ArrayList<>();
    for (String v : values) {
      License l = new License();
      SpdxLicenses.id(v).ifPresentOrElse(l::setId, () -> l.setName(v));
      list.add(l);
    }
    choice.setLicenses(list);
    return choice;
  }
}
