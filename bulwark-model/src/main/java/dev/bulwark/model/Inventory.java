package dev.bulwark.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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
    Map<String, Component> byRef = new LinkedHashMap<>();
    for (Component c : all) {
      byRef.merge(c.ref(), c, Component::mergedWith);
    }
    List<Component> sorted = new ArrayList<>(byRef.values());
    sorted.sort(java.util.Comparator.comparing(Component::ref));
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
