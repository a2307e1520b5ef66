package dev.bulwark.sbom.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Line numbers of {@code [[package]]} tables in TOML lockfiles (Cargo, poetry, uv, pdm), keyed
 * {@code name@version} as written, found by a plain line scan: cheaper than a located parse.
 */
public final class TomlPackageLines {

  private TomlPackageLines() {}

  public static Map<String, Integer> of(String text) {
    Map<String, Integer> out = new HashMap<>();
    int line = 0;
    int blockLine = -1;
    String name = null;
    String version = null;
    int pos = 0;
    int len = text.length();
    while (pos < len) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = len;
      }
      line++;
      String l = text.substring(pos, end).strip();
      if (l.startsWith("[")) {
        flush(out, name, version, blockLine);
        name = null;
        version = null;
        blockLine = l.equals("[[package]]") || l.equals("[[distribution]]") ? line : -1;
      } else if (blockLine > 0) {
        if (name == null && l.startsWith("name")) {
          name = value(l);
        } else if (version == null && l.startsWith("version")) {
          version = value(l);
        }
      }
      pos = end + 1;
    }
    flush(out, name, version, blockLine);
    return out;
  }

  private static void flush(Map<String, Integer> out, String name, String version, int line) {
    if (line > 0 && name != null) {
      out.putIfAbsent(name + "@" + version, line);
    }
  }

  private static String value(String l) {
    int eq = l.indexOf('=');
    if (eq < 0) {
      return null;
    }
    String key = l.substring(0, eq).strip();
    if (!key.equals("name") && !key.equals("version")) {
      return null;
    }
    String v = l.substring(eq + 1).strip();
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
      int close = v.indexOf(v.charAt(0), 1);
      return close > 0 ? v.substring(1, close) : null;
    }
    return null;
  }
}
