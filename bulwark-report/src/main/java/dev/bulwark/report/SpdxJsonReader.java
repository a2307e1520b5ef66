package dev.bulwark.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads SPDX 2.x JSON as a stream: packages (name, version, purl, checksums, declared licence,
 * purpose), the DEPENDS_ON / *_DEPENDENCY_OF graph and the described root packages.
 */
final class SpdxJsonReader {
  private static final String BULWARK_COMMENT = "bulwark ref: ";

  private SpdxJsonReader() {}

  static void read(JsonParser p, ObjectMapper mapper, SbomAssembler out, int maxComponents) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new SbomFormatException("an SPDX JSON document must be an object");
    }
    String version = null;
    List<SbomEntry> entries = new ArrayList<>();
    Map<String, String> extracted = new HashMap<>();
    Set<String> roots = new HashSet<>();
    Map<String, String> kindHints = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "spdxVersion" -> version = p.getValueAsString();
        case "documentDescribes" -> {
          JsonNode d = mapper.readTree(p);
          d.forEach(n -> roots.add(n.asText()));
        }
        case "packages" -> each(p, value, mapper, n -> {
          if (entries.size() >= maxComponents) {
            throw new SbomFormatException("more than " + maxComponents + " packages");
          }
          entries.add(entry(n));
        });
        case "hasExtractedLicensingInfos" -> each(p, value, mapper, n -> {
          String id = CycloneDxJsonReader.text(n, "licenseId");
          String name = CycloneDxJsonReader.text(n, "name");
          if (id != null) {
            extracted.put(id, name != null ? name : id);
          }
        });
        case "relationships" -> each(p, value, mapper, n -> relationship(n, out, roots, kindHints));
        default -> p.skipChildren();
      }
    }
    if (version == null || !version.startsWith("SPDX-2.")) {
      throw new SbomFormatException("\"spdxVersion\" is " + (version == null ? "missing" : "'" + version + "'")
          + "; only SPDX 2.x JSON is read");
    }
    for (SbomEntry e : entries) {
      if (roots.contains(e.bomRef)) {
        e.subject = true;
      }
      if (e.scope == null) {
        e.scope = kindHints.get(e.bomRef);
      }
      List<String> resolved = resolveLicenses(e.licenses, extracted);
      e.licenses.clear();
      e.licenses.addAll(resolved);
      out.add(e);
    }
    roots.forEach(out::root);
  }

  private static void each(JsonParser p, JsonToken start, ObjectMapper mapper, CycloneDxJsonReader.IoConsumer<JsonNode> f)
      throws IOException {
    if (start == JsonToken.VALUE_NULL) {
      return;
    }
    if (start != JsonToken.START_ARRAY) {
      throw new SbomFormatException("\"" + p.currentName() + "\" must be an array");
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      f.accept(mapper.readTree(p));
    }
  }

  private static SbomEntry entry(JsonNode n) throws SbomFormatException {
    if (!n.isObject()) {
      throw new SbomFormatException("a package must be an object");
    }
    SbomEntry e = new SbomEntry();
    e.bomRef = CycloneDxJsonReader.text(n, "SPDXID");
    e.name = CycloneDxJsonReader.text(n, "name");
    e.version = CycloneDxJsonReader.text(n, "versionInfo");
    String purpose = CycloneDxJsonReader.text(n, "primaryPackagePurpose");
    e.type = purpose == null ? null : purpose.toLowerCase(Locale.ROOT).replace('_', '-');
    if ("other".equals(e.type)) {
      e.type = null;
    }
    for (JsonNode ref : n.path("externalRefs")) {
      if ("purl".equals(CycloneDxJsonReader.text(ref, "referenceType")) && e.purl == null) {
        e.purl = CycloneDxJsonReader.text(ref, "referenceLocator");
      }
    }
    for (JsonNode c : n.path("checksums")) {
      CycloneDxJsonReader.addHash(e, CycloneDxJsonReader.text(c, "algorithm"), CycloneDxJsonReader.text(c, "checksumValue"));
    }
    String license = usable(CycloneDxJsonReader.text(n, "licenseDeclared"));
    if (license == null) {
      license = usable(CycloneDxJsonReader.text(n, "licenseConcluded"));
    }
    if (license != null) {
      e.licenses.add(license);
    }
    String comment = CycloneDxJsonReader.text(n, "comment");
    if (comment != null && comment.startsWith(BULWARK_COMMENT)) {
      bulwarkComment(comment.substring(BULWARK_COMMENT.length()), e);
    }
    if (e.group == null && e.name != null && e.purl != null && e.purl.startsWith("pkg:maven/") && e.name.contains(":")) {
      e.group = e.name.substring(0, e.name.indexOf(':'));
      e.name = e.name.substring(e.name.indexOf(':') + 1);
    }
    return e;
  }

  /** Bulwark's own SPDX writer records ref, type, scope, kind and group in the package comment. */
  private static void bulwarkComment(String rest, SbomEntry e) {
    int cut = rest.indexOf("; type: ");
    if (cut < 0) {
      return;
    }
    e.explicitRef = rest.substring(0, cut);
    for (String part : rest.substring(cut + 2).split("; ")) {
      int colon = part.indexOf(": ");
      if (colon < 0) {
        continue;
      }
      String key = part.substring(0, colon);
      String value = part.substring(colon + 2);
      switch (key) {
        case "type" -> e.type = value;
        case "scope" -> e.properties.add(new String[] {CycloneDxBom.P_DEPENDENCY_SCOPE, value});
        case "kind" -> e.properties.add(new String[] {CycloneDxBom.P_KIND, value});
        case "group" -> e.group = value;
        default -> { }
      }
    }
  }

  private static String usable(String license) {
    return license == null || license.isBlank() || license.equals("NOASSERTION") || license.equals("NONE")
        ? null : license.trim();
  }

  private static void relationship(JsonNode n, SbomAssembler out, Set<String> roots, Map<String, String> kindHints) {
    String a = CycloneDxJsonReader.text(n, "spdxElementId");
    String type = CycloneDxJsonReader.text(n, "relationshipType");
    String b = CycloneDxJsonReader.text(n, "relatedSpdxElement");
    if (a == null || b == null || type == null) {
      return;
    }
    switch (type) {
      case "DESCRIBES" -> {
        if (a.equals("SPDXRef-DOCUMENT")) {
          roots.add(b);
        }
      }
      case "DESCRIBED_BY" -> {
        if (b.equals("SPDXRef-DOCUMENT")) {
          roots.add(a);
        }
      }
      case "DEPENDS_ON" -> out.edge(a, b);
      case "DEPENDENCY_OF" -> out.edge(b, a);
      case "DEV_DEPENDENCY_OF", "TEST_DEPENDENCY_OF", "OPTIONAL_DEPENDENCY_OF", "RUNTIME_DEPENDENCY_OF",
          "PROVIDED_DEPENDENCY_OF", "BUILD_DEPENDENCY_OF" -> {
        out.edge(b, a);
        kindHints.putIfAbsent(a, type.substring(0, type.indexOf('_')).toLowerCase(Locale.ROOT));
      }
      default -> { }
    }
  }

  /**
   * A declared licence {@code A AND LicenseRef-x} written from a list of licences becomes that list
   * again, with each LicenseRef replaced by its extracted name; any other expression stays whole.
   */
  static List<String> resolveLicenses(List<String> raw, Map<String, String> extracted) {
    List<String> out = new ArrayList<>();
    for (String expr : raw) {
      List<String> parts = splitTopLevelAnd(expr);
      boolean hasRef = parts.stream().anyMatch(extracted::containsKey);
      if (!hasRef) {
        out.add(expr);
        continue;
      }
      for (String part : parts) {
        String unwrapped = part.startsWith("(") && part.endsWith(")") && SpdxLicenses.grouped(part).equals(part)
            ? part.substring(1, part.length() - 1) : part;
        out.add(extracted.getOrDefault(part, unwrapped));
      }
    }
    return out;
  }

  private static List<String> splitTopLevelAnd(String expr) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && expr.startsWith(" AND ", i)) {
        parts.add(expr.substring(start, i).trim());
        start = i + 5;
        i += 4;
      }
    }
    parts.add(expr.substring(start).trim());
    return parts;
  }
}
