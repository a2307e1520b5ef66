package dev.bulwark.data.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.data.PiiEntity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A masking rules file (YAML or JSON):
 *
 * <pre>
 * columns:
 *   email: pseudonym
 *   card_number: {operator: partial, keep: 4}
 *   notes: {operator: tag, scope: spans}
 *   internal_id: drop
 *   amount: keep
 * entities:          # for --auto and for spans
 *   credit-card: {operator: hash, length: 16}
 *   default: tag
 * </pre>
 *
 * Unknown keys and operators are errors naming the file and the key.
 */
public record MaskRules(Map<String, Rule> columns, Map<PiiEntity, Rule> entities, Rule entityDefault) {

  /** An operator with its scope; {@code keep} means leave the column as it is. */
  public record Rule(MaskOperator operator, ColumnPlan.Scope scope, boolean keep) {}

  public static final MaskRules EMPTY = new MaskRules(Map.of(), Map.of(), null);

  public static MaskRules read(Path file, Supplier<MaskKey> key) throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    JsonNode root;
    try {
      root = mapper.readTree(Files.newInputStream(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not valid YAML/JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": expected a mapping with 'columns' and/or 'entities'");
    }
    Map<String, Rule> columns = new LinkedHashMap<>();
    Map<PiiEntity, Rule> entities = new EnumMap<>(PiiEntity.class);
    Rule def = null;
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!k.equals("columns") && !k.equals("entities")) {
        throw new IllegalArgumentException(file + ": unknown key '" + k + "' (expected columns, entities)");
      }
    }
    for (Map.Entry<String, JsonNode> e : root.path("columns").properties()) {
      columns.put(e.getKey(), rule(file, "columns." + e.getKey(), e.getValue(), key));
    }
    for (Map.Entry<String, JsonNode> e : root.path("entities").properties()) {
      Rule r = rule(file, "entities." + e.getKey(), e.getValue(), key);
      if (e.getKey().equals("default")) {
        def = r;
      } else {
        try {
          entities.put(PiiEntity.parse(e.getKey()), r);
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(file + ": entities." + e.getKey() + ": " + ex.getMessage(), ex);
        }
      }
    }
    return new MaskRules(columns, entities, def);
  }

  private static Rule rule(Path file, String where, JsonNode node, Supplier<MaskKey> key) {
    try {
      String op;
      int keepLast = 4;
      int length = 64;
      ColumnPlan.Scope scope = ColumnPlan.Scope.VALUE;
      if (node.isTextual()) {
        op = node.asText();
      } else if (node.isObject()) {
        op = node.path("operator").asText(null);
        if (op == null) {
          throw new IllegalArgumentException("missing 'operator'");
        }
        keepLast = node.path("keep").asInt(4);
        length = node.path("length").asInt(64);
        String sc = node.path("scope").asText("value");
        scope = switch (sc) {
          case "value" -> ColumnPlan.Scope.VALUE;
          case "spans" -> ColumnPlan.Scope.SPANS;
          default -> throw new IllegalArgumentException("scope must be 'value' or 'spans', not '" + sc + "'");
        };
      } else {
        throw new IllegalArgumentException("expected an operator name or a mapping");
      }
      if (op.equals("keep")) {
        return new Rule(null, scope, true);
      }
      return new Rule(MaskOperator.parse(op, keepLast, length, key), scope, false);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + where + ": " + e.getMessage(), e);
    }
  }
}
