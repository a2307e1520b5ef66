package dev.bulwark.vuln.vex;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.vuln.osv.OsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads OpenVEX (0.0.x and 0.2.x: {@code statements[]}) and CycloneDX VEX in JSON
 * ({@code vulnerabilities[]} with {@code analysis} and {@code affects}) into {@link VexStatement}s.
 * CycloneDX analysis states map to OpenVEX statuses: {@code not_affected}/{@code false_positive} →
 * not_affected, {@code resolved}/{@code resolved_with_pedigree} → fixed, {@code exploitable} → affected,
 * {@code in_triage} → under_investigation.
 */
public final class VexReader {

  static final int MAX_BYTES = 64 << 20;

  private VexReader() {}

  public static List<VexStatement> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UnreadableInputException(file.toString(), "VEX file not found");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new UnreadableInputException(file.toString(), "VEX file larger than " + MAX_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = OsvParser.mapper().readTree(bytes);
    } catch (JacksonException e) {
      throw new UnreadableInputException(file.toString(), "malformed JSON: " + e.getOriginalMessage());
    }
    if (root != null && root.path("statements").isArray()) {
      return openVex(root, file.toString());
    }
    if (root != null && "CycloneDX".equals(root.path("bomFormat").asText()) ) {
      return cycloneDx(root, file.toString());
    }
    throw new UnreadableInputException(file.toString(), "neither OpenVEX (statements) nor CycloneDX VEX (bomFormat)");
  }

  private static List<VexStatement> openVex(JsonNode root, String source) throws UnreadableInputException {
    List<VexStatement> out = new ArrayList<>();
    int i = 0;
    for (JsonNode s : root.path("statements")) {
      Set<String> ids = new LinkedHashSet<>();
      JsonNode v = s.path("vulnerability");
      if (v.isTextual()) {
        ids.add(v.asText());
      } else {
        addText(ids, v.path("name"));
        addText(ids, v.path("@id"));
        v.path("aliases").forEach(a -> addText(ids, a));
      }
      s.path("vulnerabilities").forEach(x -> addText(ids, x.isTextual() ? x : x.path("name")));
      String status = s.path("status").asText("");
      if (ids.isEmpty() || status.isEmpty()) {
        throw new UnreadableInputException(source, "statement " + i + " has no vulnerability or no status");
      }
      List<String> products = new ArrayList<>();
      for (JsonNode p : s.path("products")) {
        if (p.isTextual()) {
          products.add(p.asText());
          continue;
        }
        addTo(products, p.path("@id"));
        addTo(products, p.path("identifiers").path("purl"));
        for (JsonNode sub : p.path("subcomponents")) {
          if (sub.isTextual()) products.add(sub.asText());
          addTo(products, sub.path("@id"));
          addTo(products, sub.path("identifiers").path("purl"));
        }
      }
      s.path("subcomponents").forEach(x -> addTo(products, x.isTextual() ? x : x.path("@id")));
      String detail = s.path("impact_statement").asText(null);
      if (detail == null) detail = s.path("action_statement").asText(null);
      out.add(new VexStatement(ids, products, status.toLowerCase(Locale.ROOT), s.path("justification").asText(null),
          detail, source));
      i++;
    }
    return out;
  }

  private static List<VexStatement> cycloneDx(JsonNode root, String source) {
    Map<String, String> purlByRef = new HashMap<>();
    collectComponents(root.path("metadata").path("component"), purlByRef);
    for (JsonNode c : root.path("components")) collectComponents(c, purlByRef);
    List<VexStatement> out = new ArrayList<>();
    for (JsonNode v : root.path("vulnerabilities")) {
      JsonNode analysis = v.path("analysis");
      if (!analysis.has("state")) continue;
      Set<String> ids = new LinkedHashSet<>();
      addText(ids, v.path("id"));
      v.path("references").forEach(r -> addText(ids, r.path("id")));
      List<String> products = new ArrayList<>();
      for (JsonNode a : v.path("affects")) {
        String ref = a.path("ref").asText("");
        int hash = ref.startsWith("urn:cdx:") ? ref.indexOf('#') : -1;
        if (hash >= 0) ref = ref.substring(hash + 1);
        products.add(purlByRef.getOrDefault(ref, ref));
      }
      String status = switch (analysis.path("state").asText("").toLowerCase(Locale.ROOT)) {
        case "not_affected", "false_positive" -> "not_affected";
        case "resolved", "resolved_with_pedigree" -> "fixed";
        case "exploitable" -> "affected";
        default -> "under_investigation";
      };
      String justification = analysis.path("justification").asText(null);
      if (justification == null && analysis.path("state").asText("").equals("false_positive")) {
        justification = "false_positive";
      }
      out.add(new VexStatement(ids, products, status, justification, analysis.path("detail").asText(null), source));
    }
    return out;
  }

  private static void collectComponents(JsonNode c, Map<String, String> purlByRef) {
    if (c.isMissingNode()) return;
    String ref = c.path("bom-ref").asText(null);
    String purl = c.path("purl").asText(null);
    if (ref != null && purl != null) purlByRef.put(ref, purl);
    for (JsonNode child : c.path("components")) collectComponents(child, purlByRef);
  }

  private static void addText(Set<String> ids, JsonNode n) {
    if (n.isTextual() && !n.asText().isBlank()) ids.add(n.asText().trim());
  }

  private static void addTo(List<String> list, JsonNode n) {
    if (n.isTextual() && !n.asText().isBlank()) list.add(n.asText().trim());
  }
}
