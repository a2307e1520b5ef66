package dev.bulwark.iac;

import dev.bulwark.policy.yaml.PositionedYaml;
import dev.bulwark.policy.yaml.YamlDocuments;
import dev.bulwark.policy.yaml.YamlException;
import dev.bulwark.policy.yaml.YamlLimits;
import dev.bulwark.spi.UnreadableInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads IaC YAML with bounds, and small helpers for walking the plain values. */
public final class YamlSource {
  private static final PositionedYaml YAML = new PositionedYaml(new YamlLimits(8L << 20, 64, 500_000, 500, 5_000));

  private YamlSource() {}

  /**
   * Parses {@code text}; empty for an unrendered template (text with {@code {{ }}} that is not YAML), which
   * is not a manifest to check; malformed YAML otherwise is an unreadable input naming the position.
   */
  public static Optional<YamlDocuments> read(String path, String text) throws UnreadableInputException {
    try {
      return Optional.of(YAML.read(text));
    } catch (YamlException e) {
      String unexpressioned = text.replace("${{", "");
      if (unexpressioned.contains("{{") || unexpressioned.contains("{%")) {
        return Optional.empty();
      }
      throw new UnreadableInputException(path, (e.pos() == null ? "" : "line " + e.pos().line() + ": ") + e.problem());
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  public static Map<String, Object> map(Map<String, Object> parent, String key) {
    return parent == null ? null : map(parent.get(key));
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  public static String string(Object o) {
    return o instanceof String s ? s : o == null || o instanceof Map<?, ?> || o instanceof List<?> ? "" : String.valueOf(o);
  }

  /** Strings of a value that may be one string or a (nested) list of strings. */
  public static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    flatten(o, out, 0);
    return out;
  }

  private static void flatten(Object o, List<String> out, int depth) {
    if (depth > 8 || out.size() > 10_000) {
      return;
    }
    if (o instanceof List<?> l) {
      for (Object x : l) {
        flatten(x, out, depth + 1);
      }
    } else if (o instanceof String || o instanceof Number || o instanceof Boolean) {
      out.add(String.valueOf(o));
    }
  }

  /** Text of a head buffer has a line that starts (after indentation and a list dash) with {@code key}. */
  public static boolean hasKeyLine(String head, String key) {
    for (String line : head.split("\n")) {
      String t = line.strip();
      if (t.startsWith("- ")) {
        t = t.substring(2).strip();
      }
      if (t.startsWith(key + ":") || t.startsWith("\"" + key + "\"")) {
        return true;
      }
    }
    return false;
  }

  /** Text of a head buffer has {@code key:} at the start of a line (a top-level mapping key). */
  public static boolean hasTopLevelKey(String head, String key) {
    for (String line : head.split("\n")) {
      if (line.startsWith(key + ":")) {
        return true;
      }
    }
    return false;
  }
}
