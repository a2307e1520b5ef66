package dev.bulwark.model.scan.pickle;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a callable a pickle imports is safe, dangerous or unknown. Order: exact allowlist,
 * then denylist (including dunder attribute paths), then allowlisted prefixes and the opt-in packs;
 * whatever is left is unknown and needs review.
 */
public final class CallablePolicy {

  public enum Verdict { SAFE, DANGEROUS, UNKNOWN }

  /** Pack names accepted in the {@code model.allow} setting. */
  public static final Set<String> PACKS = PickleAllowlist.PACKS.keySet();

  private final Set<String> enabledPacks;

  public CallablePolicy(Set<String> enabledPacks) {
    for (String p : enabledPacks) {
      if (!PickleAllowlist.PACKS.containsKey(p)) {
        throw new IllegalArgumentException("unknown model.allow pack '" + p + "' (known: "
            + String.join(", ", PickleAllowlist.PACKS.keySet().stream().sorted().toList()) + ")");
      }
    }
    this.enabledPacks = Set.copyOf(enabledPacks);
  }

  public static CallablePolicy defaults() {
    return new CallablePolicy(Set.of());
  }

  /** Parses a comma list of pack names; blank means none. */
  public static CallablePolicy fromSetting(String commaList) {
    if (commaList == null || commaList.isBlank()) {
      return defaults();
    }
    return new CallablePolicy(Set.copyOf(List.of(commaList.split(",")).stream().map(String::trim)
        .filter(s -> !s.isEmpty()).toList()));
  }

  public Verdict classify(String module, String name) {
    String mod = normalizeModule(module);
    String qualified = mod + "." + name;
    if (PickleAllowlist.EXACT.contains(qualified)) {
      return Verdict.SAFE;
    }
    if (hasDunder(mod, name) || matchesAny(qualified, PickleDenylist.PREFIXES)) {
      return Verdict.DANGEROUS;
    }
    if (matchesAny(qualified, PickleAllowlist.PREFIXES)) {
      return Verdict.SAFE;
    }
    for (Map.Entry<String, PickleAllowlist.Pack> e : PickleAllowlist.PACKS.entrySet()) {
      if (enabledPacks.contains(e.getKey()) && e.getValue().allows(qualified)) {
        return Verdict.SAFE;
      }
    }
    return Verdict.UNKNOWN;
  }

  /** The denylist entry a dangerous name matched, for evidence; null when none. */
  public String denyReason(String module, String name) {
    String mod = normalizeModule(module);
    if (hasDunder(mod, name)) {
      return "dunder attribute path";
    }
    String qualified = mod + "." + name;
    for (String p : PickleDenylist.PREFIXES) {
      if (qualified.equals(p) || qualified.startsWith(p + ".")) {
        return p;
      }
    }
    return null;
  }

  static String normalizeModule(String module) {
    return switch (module) {
      case "__builtin__", "exceptions" -> "builtins";
      case "copy_reg" -> "copyreg";
      case "posix", "nt" -> "os";
      default -> module;
    };
  }

  static boolean matchesAny(String qualified, List<String> prefixes) {
    for (String p : prefixes) {
      if (qualified.equals(p) || qualified.startsWith(p + ".")) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> HARMLESS_DUNDERS = Set.of("__main__", "__mp_main__", "__torch__", "__builtin__",
      "__newobj__", "__newobj_ex__");

  private static boolean hasDunder(String module, String name) {
    for (String part : (module + "." + name).split("\\.", -1)) {
      if (part.length() > 4 && part.startsWith("__") && part.endsWith("__") && !HARMLESS_DUNDERS.contains(part)) {
        return true;
      }
    }
    return false;
  }
}
