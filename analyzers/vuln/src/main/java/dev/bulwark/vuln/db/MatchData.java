package dev.bulwark.vuln.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.vuln.osv.OsvEntry;
import dev.bulwark.vuln.osv.PackedVersions;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of an advisory that matching reads, stored beside each index row so that a scan evaluates
 * ranges without inflating and parsing the advisory's JSON: per affected item its ecosystem and name,
 * each range's type and events in file order, and the explicit versions. Fields are separated by
 * U+001F and items by U+001E; a value holding either is left out (no real OSV version does).
 */
final class MatchData {

  private static final char US = '\u001f';
  private static final char RS = '\u001e';

  private MatchData() {}

  /** Appends one {@code affected[]} item to a row's match data. */
  static void append(StringBuilder b, JsonNode affected, String ecosystem, String name) {
    b.append('A').append(US).append(clean(ecosystem)).append(US).append(clean(name)).append(RS);
    for (JsonNode r : affected.path("ranges")) {
      b.append('R').append(US).append(clean(r.path("type").asText("")));
      for (JsonNode e : r.path("events")) {
        var fields = e.fields();
        while (fields.hasNext()) {
          var f = fields.next();
          if (f.getValue().isTextual()) {
            b.append(US).append(clean(f.getKey())).append(US).append(clean(f.getValue().asText()));
          }
        }
      }
      b.append(RS);
    }
    JsonNode versions = affected.path("versions");
    if (versions.isArray() && !versions.isEmpty()) {
      b.append('V');
      for (JsonNode v : versions) {
        if (v.isTextual()) b.append(US).append(clean(v.asText()));
      }
      b.append(RS);
    }
  }

  /** Aliases, then related ids, as stored in {@code advisory.ids}. */
  static String ids(JsonNode record) {
    StringBuilder b = new StringBuilder();
    for (String field : List.of("aliases", "related")) {
      boolean first = true;
      for (JsonNode a : record.path(field)) {
        if (!a.isTextual()) continue;
        if (!first) b.append(US);
        b.append(clean(a.asText()));
        first = false;
      }
      b.append(RS);
    }
    return b.toString();
  }

  /**
   * What a finding shows, as a small JSON record without ranges and versions: id, timestamps, aliases,
   * related, summary, details (first 4,000 characters), severities, up to 25 references, and per affected
   * item its package and severities. Read with {@link dev.bulwark.vuln.osv.OsvParser} like a full record.
   */
  static byte[] brief(JsonNode record) throws java.io.IOException {
    com.fasterxml.jackson.databind.node.ObjectNode b = dev.bulwark.vuln.osv.OsvParser.mapper().createObjectNode();
    for (String f : List.of("id", "modified", "withdrawn", "aliases", "related", "summary", "severity")) {
      if (record.has(f)) b.set(f, record.get(f));
    }
    String details = record.path("details").asText(null);
    if (details != null) b.put("details", details.length() > 4000 ? details.substring(0, 4000) + " …" : details);
    if (record.path("database_specific").has("severity")) {
      b.putObject("database_specific").set("severity", record.path("database_specific").get("severity"));
    }
    com.fasterxml.jackson.databind.node.ArrayNode refs = b.putArray("references");
    for (JsonNode r : record.path("references")) {
      if (refs.size() < 25 && r.path("url").isTextual()) refs.addObject().put("url", r.path("url").asText());
    }
    com.fasterxml.jackson.databind.node.ArrayNode affected = b.putArray("affected");
    for (JsonNode a : record.path("affected")) {
      com.fasterxml.jackson.databind.node.ObjectNode o = affected.addObject();
      if (a.has("package")) o.set("package", a.get("package"));
      if (a.has("severity")) o.set("severity", a.get("severity"));
      for (String f : List.of("database_specific", "ecosystem_specific")) {
        if (a.path(f).has("severity")) o.putObject(f).set("severity", a.path(f).get("severity"));
      }
    }
    return dev.bulwark.vuln.osv.OsvParser.mapper().writeValueAsBytes(b);
  }

  private static String clean(String s) {
    return s.indexOf(US) >= 0 || s.indexOf(RS) >= 0 ? "" : s;
  }

  /** A matching-only view of an advisory: id, withdrawn flag, aliases, related and the affected items. */
  static OsvEntry decode(String id, boolean withdrawn, String ids, List<String> matchRows) {
    List<OsvEntry.Affected> affected = new ArrayList<>();
    for (String row : matchRows) {
      String eco = null;
      String name = null;
      List<OsvEntry.Range> ranges = new ArrayList<>();
      List<String> versions = new ArrayList<>();
      for (String item : split(row, RS)) {
        if (item.isEmpty()) continue;
        if (item.charAt(0) == 'V') {
          // kept joined: matching mostly asks whether one exact version is listed (see PackedVersions)
          PackedVersions packed = new PackedVersions(item.substring(1), US);
          if (versions.isEmpty()) {
            versions = packed;
          } else {
            List<String> both = new ArrayList<>(versions);
            both.addAll(packed);
            versions = both;
          }
          continue;
        }
        List<String> f = split(item, US);
        switch (f.get(0)) {
          case "A" -> {
            if (eco != null) affected.add(new OsvEntry.Affected(eco, name, null, ranges, versions, List.of(), null));
            eco = f.size() > 1 ? f.get(1) : "";
            name = f.size() > 2 ? f.get(2) : "";
            ranges = new ArrayList<>();
            versions = new ArrayList<>();
          }
          case "R" -> {
            List<OsvEntry.Event> events = new ArrayList<>();
            for (int i = 2; i + 1 < f.size(); i += 2) events.add(new OsvEntry.Event(f.get(i), f.get(i + 1)));
            ranges.add(new OsvEntry.Range(f.size() > 1 ? f.get(1) : "", null, events));
          }
          default -> { }
        }
      }
      if (eco != null) affected.add(new OsvEntry.Affected(eco, name, null, ranges, versions, List.of(), null));
    }
    List<String> parts = split(ids == null ? "" : ids, RS);
    List<String> aliases = parts.isEmpty() || parts.get(0).isEmpty() ? List.of() : split(parts.get(0), US);
    List<String> related = parts.size() < 2 || parts.get(1).isEmpty() ? List.of() : split(parts.get(1), US);
    return new OsvEntry(id, null, withdrawn ? "withdrawn" : null, aliases, related, null, null, List.of(), affected,
        List.of(), null);
  }

  private static List<String> split(String s, char sep) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = s.indexOf(sep); i >= 0; i = s.indexOf(sep, start)) {
      out.add(s.substring(start, i));
      start = i + 1;
    }
    if (start < s.length()) out.add(s.substring(start));
    return out;
  }
}
