package dev.bulwark.policy;

import dev.bulwark.model.Component;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model as CEL sees it: plain maps with every key present (empty string, 0 or empty collection for
 * unknown values) so that expressions need no {@code has()} guards.
 */
public final class FindingValues {
  public static final Map<String, Object> NO_COMPONENT = component(null);

  private FindingValues() {}

  /** A lazily computed, read-only view; see {@link FindingView} for the keys. */
  public static Map<String, Object> finding(Finding f) {
    return new FindingView(f);
  }

  static Map<String, Object> suppression(Finding f) {
    Map<String, Object> s = new HashMap<>();
    if (f.suppression() != null) {
      s.put("kind", f.suppression().kind());
      s.put("status", f.suppression().status());
      s.put("reason", nz(f.suppression().reason()));
      s.put("source", nz(f.suppression().source()));
    }
    return s;
  }

  public static Map<String, Object> location(Location l) {
    Map<String, Object> m = new HashMap<>(4);
    m.put("path", l == null ? "" : l.path());
    m.put("line", l == null || l.line() == null ? 0L : (long) l.line());
    m.put("column", l == null || l.column() == null ? 0L : (long) l.column());
    return m;
  }

  public static Map<String, Object> component(Component c) {
    Map<String, Object> m = new HashMap<>(20);
    m.put("ref", c == null ? "" : c.ref());
    m.put("type", c == null ? "" : c.type().id());
    m.put("group", c == null ? "" : nz(c.group()));
    m.put("name", c == null ? "" : c.name());
    m.put("version", c == null ? "" : nz(c.version()));
    m.put("purl", c == null ? "" : nz(c.purl()));
    m.put("ecosystem", c == null ? "" : nz(c.ecosystem()));
    m.put("scope", c == null ? "unknown" : c.scope().id());
    m.put("kind", c == null ? "unknown" : c.kind().id());
    m.put("firstParty", c != null && c.firstParty());
    m.put("licenses", c == null ? List.of() : c.licenses());
    m.put("properties", c == null ? Map.of() : c.properties());
    m.put("hashes", c == null ? Map.of() : c.hashes());
    m.put("dependsOn", c == null ? List.of() : c.dependsOn());
    List<String> paths = new ArrayList<>();
    if (c != null) {
      c.locations().forEach(l -> paths.add(l.path()));
    }
    m.put("locations", paths);
    m.put("unpinned", c != null && c.isUnpinned());
    return java.util.Collections.unmodifiableMap(m);
  }

  public static List<Object> inventory(Inventory inventory) {
    List<Object> out = new ArrayList<>(inventory.components().size());
    inventory.components().forEach(c -> out.add(component(c)));
    return out;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
