package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.bulwark.model.Component;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.ScanReport;
import dev.bulwark.spi.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * SPDX 2.3 JSON: a root package for the target (DESCRIBES), one package per component with purl,
 * checksums and declared licences, and DEPENDS_ON relationships from the dependency graph.
 */
public final class SpdxJsonReportWriter implements ReportWriter {

  static final String ROOT_ID = "SPDXRef-Target";

  @Override
  public String format() {
    return "spdx-json";
  }

  @Override
  public String description() {
    return "SPDX 2.3 SBOM, JSON";
  }

  @Override
  public void write(ScanReport report, OutputStream out, boolean colour) throws IOException {
    Map<String, String> ids = spdxIds(report.components());
    Map<String, String> extracted = new TreeMap<>();
    List<String[]> relationships = new ArrayList<>();
    relationships.add(new String[] {"SPDXRef-DOCUMENT", "DESCRIBES", ROOT_ID});
    Set<String> depended = new HashSet<>();
    for (Component c : report.components()) {
      for (String d : c.dependsOn()) {
        if (ids.containsKey(d) && !d.equals(c.ref())) {
          depended.add(d);
        }
      }
    }
    for (Component c : report.components()) {
      if (c.scope() == DependencyScope.DIRECT || !depended.contains(c.ref())) {
        relationships.add(new String[] {ROOT_ID, "DEPENDS_ON", ids.get(c.ref())});
      }
    }
    String name = CycloneDxBom.targetName(report.target());
    try (JsonGenerator g = Reports.prettyJson(out)) {
      g.writeStartObject();
      g.writeStringField("spdxVersion", "SPDX-2.3");
      g.writeStringField("dataLicense", "CC0-1.0");
      g.writeStringField("SPDXID", "SPDXRef-DOCUMENT");
      g.writeStringField("name", name);
      g.writeStringField("documentNamespace", "https://bulwark-dev.github.io/spdx/" + UriPaths.encodePath(name.replace('/', '-'))
          + "-" + namespaceId(report));
      g.writeObjectFieldStart("creationInfo");
      g.writeStringField("created", report.startedAt().truncatedTo(ChronoUnit.SECONDS).toString());
      g.writeArrayFieldStart("creators");
      g.writeString("Tool: " + report.tool().name() + (report.tool().version() == null ? "" : "-" + report.tool().version()));
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("packages");
      writeRoot(g, report);
      for (Component c : report.components()) {
        writePackage(g, c, ids.get(c.ref()), extracted);
        for (String d : c.dependsOn()) {
          String target = ids.get(d);
          if (target != null && !d.equals(c.ref())) {
            relationships.add(new String[] {ids.get(c.ref()), "DEPENDS_ON", target});
          }
        }
      }
      g.writeEndArray();
      if (!extracted.isEmpty()) {
        g.writeArrayFieldStart("hasExtractedLicensingInfos");
        for (Map.Entry<String, String> e : extracted.entrySet()) {
          g.writeStartObject();
          g.writeStringField("licenseId", e.getKey());
          g.writeStringField("extractedText", e.getValue());
          g.writeStringField("name", e.getValue());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeArrayFieldStart("relationships");
      for (String[] r : relationships) {
        g.writeStartObject();
        g.writeStringField("spdxElementId", r[0]);
        g.writeStringField("relationshipType", r[1]);
        g.writeStringField("relatedSpdxElement", r[2]);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeRoot(JsonGenerator g, ScanReport report) throws IOException {
    g.writeStartObject();
    g.writeStringField("SPDXID", ROOT_ID);
    g.writeStringField("name", CycloneDxBom.targetName(report.target()));
    g.writeStringField("downloadLocation", "NOASSERTION");
    g.writeBooleanField("filesAnalyzed", false);
    g.writeStringField("primaryPackagePurpose", switch (report.target().type()) {
      case FILE -> "FILE";
      case ARCHIVE -> "ARCHIVE";
      case IMAGE -> "CONTAINER";
      default -> "APPLICATION";
    });
    g.writeStringField("comment", "The scanned target (" + report.target().type().id() + ")");
    g.writeEndObject();
  }

  private static void writePackage(JsonGenerator g, Component c, String id, Map<String, String> extracted)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("SPDXID", id);
    g.writeStringField("name", c.name());
    if (c.version() != null) {
      g.writeStringField("versionInfo", c.version());
    }
    g.writeStringField("downloadLocation", "NOASSERTION");
    g.writeBooleanField("filesAnalyzed", false);
    boolean checksums = false;
    for (Map.Entry<String, String> h : c.hashes().entrySet()) {
      var alg = HashAlgorithm.parse(h.getKey());
      var hex = alg.flatMap(a -> a.hex(h.getValue()));
      if (hex.isPresent()) {
        if (!checksums) {
          g.writeArrayFieldStart("checksums");
          checksums = true;
        }
        g.writeStartObject();
        g.writeStringField("algorithm", alg.get().spdx);
        g.writeStringField("checksumValue", hex.get());
        g.writeEndObject();
      }
    }
    if (checksums) {
      g.writeEndArray();
    }
    g.writeStringField("licenseConcluded", "NOASSERTION");
    g.writeStringField("licenseDeclared", declared(c.licenses(), extracted));
    g.writeStringField("copyrightText", "NOASSERTION");
    if (c.purl() != null) {
      g.writeArrayFieldStart("externalRefs");
      g.writeStartObject();
      g.writeStringField("referenceCategory", "PACKAGE-MANAGER");
      g.writeStringField("referenceType", "purl");
      g.writeStringField("referenceLocator", c.purl());
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeStringField("primaryPackagePurpose", switch (c.type()) {
      case LIBRARY -> "LIBRARY";
      case APPLICATION -> "APPLICATION";
      case FRAMEWORK -> "FRAMEWORK";
      case OPERATING_SYSTEM -> "OPERATING_SYSTEM";
      case CONTAINER -> "CONTAINER";
      case FILE -> "FILE";
      case MACHINE_LEARNING_MODEL, DATA -> "OTHER";
    });
    if (!c.locations().isEmpty()) {
      StringBuilder where = new StringBuilder("found in: ");
      for (int i = 0; i < c.locations().size(); i++) {
        where.append(i == 0 ? "" : ", ").append(c.locations().get(i));
      }
      g.writeStringField("sourceInfo", where.toString());
    }
    StringBuilder comment = new StringBuilder("bulwark ref: ").append(c.ref()).append("; type: ").append(c.type().id())
        .append("; scope: ").append(c.scope().id()).append("; kind: ").append(c.kind().id());
    if (c.group() != null) {
      comment.append("; group: ").append(c.group());
    }
    g.writeStringField("comment", comment.toString());
    g.writeEndObject();
  }

  /**
   * The declared licence as an SPDX expression: ids and expressions as they are (joined with AND),
   * free-text names as {@code LicenseRef-} entries whose text goes to hasExtractedLicensingInfos.
   */
  static String declared(List<String> licenses, Map<String, String> extracted) {
    if (licenses.isEmpty()) {
      return "NOASSERTION";
    }
    List<String> parts = new ArrayList<>();
    for (String l : licenses) {
      switch (SpdxLicenses.kind(l)) {
        case ID -> parts.add(SpdxLicenses.id(l).orElse(l));
        case EXPRESSION -> {
          String e = SpdxLicenses.normalizeExpression(l);
          parts.add(licenses.size() > 1 ? SpdxLicenses.grouped(e) : e);
        }
        case NAME -> {
          String ref = "LicenseRef-" + sanitize(l, 40) + "-" + shortHash(l);
          extracted.put(ref, l);
          parts.add(ref);
        }
      }
    }
    return String.join(" AND ", parts);
  }

  /** Deterministic, unique, spec-conformant ids ({@code SPDXRef-[A-Za-z0-9.-]+}) from component refs. */
  static Map<String, String> spdxIds(List<Component> components) {
    Map<String, String> ids = new HashMap<>();
    Set<String> used = new HashSet<>();
    used.add(ROOT_ID);
    for (Component c : components) {
      String base = "SPDXRef-Package-" + sanitize(c.name() + (c.version() == null ? "" : "-" + c.version()), 60)
          + "-" + shortHash(c.ref());
      String id = base;
      for (int n = 2; !used.add(id); n++) {
        id = base + "." + n;
      }
      ids.put(c.ref(), id);
    }
    return ids;
  }

  static String sanitize(String s, int max) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
      if (ok) {
        b.append(c);
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
        b.append('-');
      }
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
      b.setLength(b.length() - 1);
    }
    return b.length() == 0 ? "x" : b.toString();
  }

  static String shortHash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static UUID namespaceId(ScanReport report) {
    String key = report.tool().name() + "\u0000" + report.target().path() + "\u0000" + report.startedAt();
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

}
