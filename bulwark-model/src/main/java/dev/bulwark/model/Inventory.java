package dev.bulwark.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every component of a target, merged by ref and sorted by ref. */
public record Inventory(List<Component> components) {

  public Inventory {
    components = List.copyOf(components);
  }

  public static Inventory empty() {
    return new Inventory(List.of());
  }

  /** Merges components that share a ref and sorts the result by ref. */
  public static Inventory of(Collection<Component> all) {
    Map<String, List<Component>> byRef = new java.util.TreeMap<>();
    for (Component c : all) {
      byRef.computeIfAbsent(c.ref(), k -> new ArrayList<>(1)).add(c);
    }
    List<Component> sorted = new ArrayList<>(byRef.size());
    for (List<Component> same : byRef.values()) {
      sorted.add(Component.mergeAll(same));
    }
    return new Inventory(sorted);
  }

  public Optional<Component> byRef(String ref) {
    for (Component c : components) {
      if (c.ref().equals(ref)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
