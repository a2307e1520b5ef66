package dev.bulwark.policy.yaml;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each node of a parsed document starts, kept beside the plain {@code Map}/{@code List} values so
 * that the values can be handed to CEL unchanged. Lookups are by identity: a map returned by a CEL
 * expression is the very object that was parsed. Not thread-safe while being filled; read-only after.
 */
public final class Positions {
  private final Map<Object, Pos> nodes = new IdentityHashMap<>();
  private final Map<Object, Map<String, Pos>> keys = new IdentityHashMap<>();
  private final Map<Object, Map<String, Pos>> values = new IdentityHashMap<>();
  private final Map<Object, Map<Integer, Pos>> items = new IdentityHashMap<>();

  public void node(Object node, Pos pos) {
    nodes.putIfAbsent(node, pos);
  }

  public void key(Map<String, Object> map, String key, Pos keyPos, Pos valuePos) {
    keys.computeIfAbsent(map, m -> new HashMap<>()).put(key, keyPos);
    values.computeIfAbsent(map, m -> new HashMap<>()).put(key, valuePos);
  }

  public void item(List<Object> list, int index, Pos pos) {
    items.computeIfAbsent(list, l -> new HashMap<>()).put(index, pos);
  }

  /** Where a map or list starts, or null when it was not parsed (e.g. built by an expression). */
  public Pos of(Object node) {
    return node == null ? null : nodes.get(node);
  }

  /** Where {@code key} is written in {@code map}; falls back to the map itself. */
  public Pos ofKey(Object map, String key) {
    Map<String, Pos> k = keys.get(map);
    Pos p = k == null ? null : k.get(key);
    return p != null ? p : of(map);
  }

  /** Where the value of {@code key} starts in {@code map}; falls back to the key. */
  public Pos ofValue(Object map, String key) {
    Map<String, Pos> v = values.get(map);
    Pos p = v == null ? null : v.get(key);
    return p != null ? p : ofKey(map, key);
  }

  public Pos ofItem(Object list, int index) {
    Map<Integer, Pos> i = items.get(list);
    Pos p = i == null ? null : i.get(index);
    return p != null ? p : of(list);
  }
}
