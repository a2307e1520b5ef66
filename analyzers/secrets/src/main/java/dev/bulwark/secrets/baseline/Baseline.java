package dev.bulwark.secrets.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.model.Finding;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A secrets baseline: the fingerprints of secret findings accepted at one point in time. The file
 * ({@code schema: bulwark/secrets-baseline/v1}) holds, per finding, its id, rule, path, line and the short
 * SHA-256 of the value — never the value.
 */
public record Baseline(List<Entry> entries) {

  public static final String SCHEMA = "bulwark/secrets-baseline/v1";
  static final long MAX_BYTES = 64L << 20;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public record Entry(String id, String rule, String path, Integer line, String secretSha256) {}

  public Baseline {
    entries = List.copyOf(entries);
  }

  public static Baseline of(List<Finding> findings) {
    List<Entry> list = new ArrayList<>();
    for (Finding f : findings) {
      if (f.rule().startsWith("secret/") && f.evidence().containsKey("secret.sha256")) {
        list.add(new Entry(f.id(), f.rule(), f.location() == null ? null : f.location().path(),
            f.location() == null ? null : f.location().line(), f.evidence().get("secret.sha256")));
      }
    }
    list.sort((a, b) -> (a.path() + "\u0000" + a.rule() + "\u0000" + a.id()).compareTo(b.path() + "\u0000" + b.rule() + "\u0000" + b.id()));
    return new Baseline(list);
  }

  public Set<String> ids() {
    Set<String> ids = new TreeSet<>();
    entries.forEach(e -> ids.add(e.id()));
    return Collections.unmodifiableSet(ids);
  }

  /** Writes to a temporary file beside {@code file} and moves it in place, so nothing is ever half-written. */
  public void write(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    ArrayNode arr = root.putArray("findings");
    for (Entry e : entries) {
      ObjectNode n = arr.addObject();
      n.put("id", e.id());
      n.put("rule", e.rule());
      if (e.path() != null) n.put("path", e.path());
      if (e.line() != null) n.put("line", e.line());
      n.put("secretSha256", e.secretSha256());
    }
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
    try {
      Files.write(tmp, JSON.writeValueAsBytes(root));
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads a baseline file; a missing, oversized or malformed file is an {@link UnreadableInputException}. */
  public static Baseline read(Path file) throws IOException {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new UnreadableInputException(name, "baseline file does not exist");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new UnreadableInputException(name, "baseline file is larger than " + MAX_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new UnreadableInputException(name, "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !SCHEMA.equals(root.path("schema").asText())) {
      throw new UnreadableInputException(name, "not a secrets baseline (expected \"schema\": \"" + SCHEMA + "\")");
    }
    JsonNode arr = root.path("findings");
    if (!arr.isArray()) {
      throw new UnreadableInputException(name, "\"findings\" must be an array");
    }
    List<Entry> list = new ArrayList<>();
    for (JsonNode n : arr) {
      if (!n.path("id").isTextual() || !n.path("rule").isTextual()) {
        throw new UnreadableInputException(name, "every finding needs a textual \"id\" and \"rule\"");
      }
      list.add(new Entry(n.get("id").asText(), n.get("rule").asText(), n.path("path").isTextual() ? n.get("path").asText() : null,
          n.path("line").isInt() ? n.get("line").asInt() : null, n.path("secretSha256").asText(null)));
    }
    return new Baseline(list);
  }
}
