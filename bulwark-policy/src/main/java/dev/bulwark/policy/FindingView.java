package dev.bulwark.policy;

import dev.bulwark.model.Finding;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finding as the read-only map CEL sees, computing each value on access: a rule usually reads two or
 * three keys, so building the whole map per finding would cost more than evaluating the rule.
 */
final class FindingView extends AbstractMap<String, Object> {
  static final List<String> KEYS = List.of("id", "scanner", "rule", "severity", "severityRank", "title", "description",
      "component", "location", "evidence", "aliases", "references", "fix", "suppressed", "suppression");
  private static final Set<String> KEY_SET = Set.copyOf(KEYS);

  private final Finding f;
  private Map<String, Object> location;
  private Map<String, Object> all;

  FindingView(Finding f) {
    this.f = f;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String k)) {
      return null;
    }
    return switch (k) {
      case "id" -> f.id();
      case "scanner" -> f.scanner().id();
      case "rule" -> f.rule();
      case "severity" -> f.severity().id();
      case "severityRank" -> 4L - f.severity().ordinal();
      case "title" -> f.title();
      case "description" -> f.description() == null ? "" : f.description();
      case "component" -> f.component() == null ? "" : f.component();
      case "location" -> location == null ? (location = FindingValues.location(f.location())) : location;
      case "evidence" -> f.evidence();
      case "aliases" -> f.aliases();
      case "references" -> f.references();
      case "fix" -> f.fix() == null ? "" : f.fix();
      case "suppressed" -> f.isSuppressed();
      case "suppression" -> FindingValues.suppression(f);
      default -> null;
    };
  }

  @Override
  public boolean containsKey(Object key) {
    return KEY_SET.contains(key);
  }

  @Override
  public int size() {
    return KEYS.size();
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    if (all == null) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      for (String k : KEYS) {
        m.put(k, get(k));
      }
      all = java.util.Collections.unmodifiableMap(m);
    }
    return all.entrySet();
  }
}
