package dev.bulwark.vuln.osv;

import dev.bulwark.vuln.version.Version;
import dev.bulwark.vuln.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates one {@code ECOSYSTEM} or {@code SEMVER} range for one version, as the OSV schema's
 * evaluation algorithm says: events sorted by version (stably, {@code introduced: "0"} first), the
 * state flipped by each event at or below the version, {@code last_affected} inclusive, {@code limit}
 * an exclusive upper bound for the whole range.
 */
public final class RangeEvaluator {

  /** Outcome for one range: whether the version is inside, the fixed version closing its interval, and why not evaluable. */
  public record Result(boolean affected, String introduced, String fixed, String lastAffected, String problem) {
    static Result unevaluable(String problem) {
      return new Result(false, null, null, null, problem);
    }
  }

  private record Parsed(OsvEntry.Event event, Version version, boolean zero) {}

  private RangeEvaluator() {}

  public static Result evaluate(OsvEntry.Range range, Version installed, VersionScheme scheme, VersionCache cache) {
    List<Parsed> events = new ArrayList<>(range.events().size());
    List<Version> limits = new ArrayList<>();
    for (OsvEntry.Event e : range.events()) {
      String v = e.version();
      boolean zero = e.kind().equals("introduced") && v.equals("0");
      if (e.kind().equals("limit")) {
        if (v.equals("*")) {
          continue;
        }
        Optional<Version> p = cache.parse(scheme, v);
        if (p.isEmpty()) return Result.unevaluable("unreadable limit '" + v + "'");
        limits.add(p.get());
        continue;
      }
      if (!zero && !(e.kind().equals("introduced") || e.kind().equals("fixed") || e.kind().equals("last_affected"))) {
        continue;
      }
      Version parsed = null;
      if (!zero) {
        Optional<Version> p = cache.parse(scheme, v);
        if (p.isEmpty()) return Result.unevaluable("unreadable " + e.kind() + " '" + v + "'");
        parsed = p.get();
      }
      events.add(new Parsed(e, parsed, zero));
    }
    if (!limits.isEmpty() && limits.stream().noneMatch(l -> installed.compareTo(l) < 0)) {
      return new Result(false, null, null, null, null);
    }
    events.sort(ORDER);
    boolean affected = false;
    String introduced = null;
    String fixed = null;
    String lastAffected = null;
    for (int i = 0; i < events.size(); i++) {
      Parsed p = events.get(i);
      switch (p.event().kind()) {
        case "introduced" -> {
          if (p.zero() || installed.compareTo(p.version()) >= 0) {
            affected = true;
            introduced = p.event().version();
            fixed = null;
            lastAffected = null;
            for (int j = i + 1; j < events.size() && fixed == null && lastAffected == null; j++) {
              Parsed q = events.get(j);
              if (q.event().kind().equals("fixed")) fixed = q.event().version();
              if (q.event().kind().equals("last_affected")) lastAffected = q.event().version();
            }
          }
        }
        case "fixed" -> {
          if (installed.compareTo(p.version()) >= 0) affected = false;
        }
        case "last_affected" -> {
          if (installed.compareTo(p.version()) > 0) affected = false;
        }
        default -> { }
      }
    }
    return affected ? new Result(true, introduced, fixed, lastAffected, null) : new Result(false, null, null, null, null);
  }

  private static final Comparator<Parsed> ORDER = (a, b) -> {
    if (a.zero() || b.zero()) {
      return Boolean.compare(b.zero(), a.zero());
    }
    return a.version().compareTo(b.version());
  };
}
