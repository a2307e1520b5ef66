package dev.bulwark.sbom.npm;

import dev.bulwark.spi.UnreadableInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The classic yarn.lock format (v1): a hand-written line parser, no regex. */
final class YarnV1Parser {

  private YarnV1Parser() {}

  static List<YarnEntry> parse(String path, String text) throws UnreadableInputException {
    List<YarnEntry> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    List<String> descriptors = null;
    int entryLine = 0;
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> deps = new LinkedHashMap<>();
    Map<String, String> optional = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (int i = 0; i <= lines.length; i++) {
      String raw = i < lines.length ? stripCr(lines[i]) : "";
      if (i < lines.length && (raw.isBlank() || raw.startsWith("#"))) {
        continue;
      }
      int indent = 0;
      while (indent < raw.length() && raw.charAt(indent) == ' ') {
        indent++;
      }
      if (i == lines.length || indent == 0) {
        if (descriptors != null) {
          out.add(entry(descriptors, fields, deps, optional, entryLine));
        }
        if (i == lines.length) {
          break;
        }
        if (!raw.endsWith(":")) {
          throw new UnreadableInputException(path, "line " + (i + 1) + ": expected a package key ending with ':'");
        }
        descriptors = new ArrayList<>();
        for (String d : raw.substring(0, raw.length() - 1).split(",")) {
          String t = unquote(d.strip());
          if (!t.isEmpty()) {
            descriptors.add(t);
          }
        }
        entryLine = i + 1;
        fields = new LinkedHashMap<>();
        deps = new LinkedHashMap<>();
        optional = new LinkedHashMap<>();
        current = null;
        continue;
      }
      if (descriptors == null) {
        throw new UnreadableInputException(path, "line " + (i + 1) + ": indented line outside a package");
      }
      String body = raw.strip();
      if (indent <= 2) {
        current = null;
        if (body.endsWith(":")) {
          String key = body.substring(0, body.length() - 1);
          current = key.equals("dependencies") ? deps : key.equals("optionalDependencies") ? optional : new LinkedHashMap<>();
          continue;
        }
        String[] kv = keyValue(body);
        fields.put(kv[0], kv[1]);
      } else if (current != null) {
        String[] kv = keyValue(body);
        current.put(kv[0], kv[1]);
      }
    }
    return out;
  }

  private static YarnEntry entry(List<String> descriptors, Map<String, String> fields, Map<String, String> deps,
      Map<String, String> optional, int line) {
    String name = descriptors.isEmpty() ? "" : YarnEntry.nameOf(descriptors.get(0));
    String version = fields.get("version");
    boolean local = false;
    for (String d : descriptors) {
      String range = YarnEntry.rangeOf(d);
      if (range.startsWith("file:") || range.startsWith("link:") || range.startsWith("portal:")) {
        local = true;
      }
      if (range.startsWith("npm:") && range.lastIndexOf('@') > 4) {
        // alias: "alias@npm:real@^1.0.0" installs "real"
        name = range.substring(4, range.lastIndexOf('@'));
      }
    }
    return new YarnEntry(descriptors, name, version, fields.get("resolved"), deps, optional, fields.get("integrity"),
        local, null, line);
  }

  /** {@code key "value"} or {@code "key" value}; values unquoted. */
  private static String[] keyValue(String body) {
    int split;
    if (body.startsWith("\"")) {
      int close = body.indexOf('"', 1);
      split = close < 0 ? body.indexOf(' ') : close + 1;
    } else {
      split = body.indexOf(' ');
    }
    if (split < 0 || split >= body.length()) {
      return new String[] {unquote(body), ""};
    }
    return new String[] {unquote(body.substring(0, split).strip()), unquote(body.substring(split).strip())};
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
