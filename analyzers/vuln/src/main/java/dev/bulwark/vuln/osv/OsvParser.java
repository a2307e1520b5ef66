package dev.bulwark.vuln.osv;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads OSV JSON (schema 1.0 to 1.8) into {@link OsvEntry}; unknown fields are ignored. */
public final class OsvParser {

  /** Largest single advisory read; the biggest real ones (distribution records) are a few hundred KiB. */
  public static final int MAX_ENTRY_BYTES = 32 << 20;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(64).maxStringLength(MAX_ENTRY_BYTES).build());
  }

  private OsvParser() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses one record; throws {@link IOException} with the problem when it is not JSON or has no {@code id}. */
  public static OsvEntry parse(byte[] json) throws IOException {
    return fromTree(MAPPER.readTree(json));
  }

  public static OsvEntry fromTree(JsonNode root) throws IOException {
    if (root == null || !root.isObject()) {
      throw new IOException("not an OSV record (expected a JSON object)");
    }
    String id = text(root, "id");
    if (id == null || id.isBlank()) {
      throw new IOException("OSV record without an id");
    }
    List<OsvEntry.Affected> affected = new ArrayList<>();
    for (JsonNode a : root.path("affected")) {
      affected.add(affected(a));
    }
    List<String> refs = new ArrayList<>();
    for (JsonNode r : root.path("references")) {
      String url = text(r, "url");
      if (url != null) refs.add(url);
    }
    return new OsvEntry(id, text(root, "modified"), text(root, "withdrawn"), strings(root.path("aliases")),
        strings(root.path("related")), text(root, "summary"), text(root, "details"), severities(root.path("severity")),
        affected, refs, text(root.path("database_specific"), "severity"));
  }

  private static OsvEntry.Affected affected(JsonNode a) {
    JsonNode pkg = a.path("package");
    List<OsvEntry.Range> ranges = new ArrayList<>();
    for (JsonNode r : a.path("ranges")) {
      List<OsvEntry.Event> events = new ArrayList<>();
      for (JsonNode e : r.path("events")) {
        var fields = e.fields();
        while (fields.hasNext()) {
          var f = fields.next();
          if (f.getValue().isTextual()) {
            events.add(new OsvEntry.Event(f.getKey(), f.getValue().asText()));
          }
        }
      }
      ranges.add(new OsvEntry.Range(text(r, "type"), text(r, "repo"), events));
    }
    String dbSeverity = text(a.path("database_specific"), "severity");
    if (dbSeverity == null) {
      dbSeverity = text(a.path("ecosystem_specific"), "severity");
    }
    return new OsvEntry.Affected(text(pkg, "ecosystem"), text(pkg, "name"), text(pkg, "purl"), ranges,
        strings(a.path("versions")), severities(a.path("severity")), dbSeverity);
  }

  private static List<OsvEntry.SeverityScore> severities(JsonNode array) {
    List<OsvEntry.SeverityScore> out = new ArrayList<>();
    for (JsonNode s : array) {
      String type = text(s, "type");
      String score = text(s, "score");
      if (type != null && score != null && !score.isBlank()) {
        out.add(new OsvEntry.SeverityScore(type, score.trim()));
      }
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      if (n.isTextual()) out.add(n.asText());
    }
    return out;
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}, the form nearly every OSV record uses, without the cost of a
   * {@code DateTimeFormatter} (a tenth of the import time); null for anything else.
   */
  static Instant fastUtc(String t) {
    int n = t.length();
    if (n < 20 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
        || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 60) {
      return null;
    }
    long nanos = 0;
    if (n > 20) {
      if (t.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) return null;
      int frac = digits(t, 20, n - 1);
      if (frac < 0) return null;
      nanos = frac;
      for (int i = n - 21; i < 9; i++) nanos *= 10;
    } else if (t.charAt(19) != 'Z') {
      return null;
    }
    try {
      return java.time.LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59))
          .toInstant(java.time.ZoneOffset.UTC).plusNanos(nanos);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The instant of an OSV timestamp, or {@link Instant#EPOCH} when absent or unreadable. */
  public static Instant instant(String timestamp) {
    if (timestamp == null) {
      return Instant.EPOCH;
    }
    Instant fast = fastUtc(timestamp);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(timestamp);
      } catch (DateTimeParseException e2) {
        return Instant.EPOCH;
      }
    }
  }
}
