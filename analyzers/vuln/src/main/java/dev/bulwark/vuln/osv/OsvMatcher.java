package dev.bulwark.vuln.osv;

import dev.bulwark.vuln.version.Ecosystems;
import dev.bulwark.vuln.version.Version;
import dev.bulwark.vuln.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether one OSV record affects one installed package: an {@code affected[]} item of the same
 * ecosystem and normalised name whose explicit {@code versions} list holds the version or one of whose
 * {@code ECOSYSTEM}/{@code SEMVER} ranges contains it. {@code GIT} ranges cannot be evaluated against a
 * package version and are counted, not used. Withdrawn records never match.
 */
public final class OsvMatcher {

  /**
   * A positive match.
   *
   * @param fixed the nearest fixed version above the installed one, or null when none is known
   * @param ranges human descriptions of the intervals that matched ({@code >=2.0-beta9, <2.15.0})
   * @param byVersionsList true when the explicit versions list (and no range) matched
   * @param gitRangesSkipped GIT ranges of the package's affected items that were not evaluated
   */
  public record Match(OsvEntry entry, String fixed, List<String> ranges, boolean byVersionsList,
      int gitRangesSkipped, List<String> problems) {}

  private OsvMatcher() {}

  public static Optional<Match> match(OsvEntry entry, PackageRef pkg, VersionCache cache) {
    if (entry.withdrawn() != null) {
      return Optional.empty();
    }
    boolean affected = false;
    boolean byList = false;
    int git = 0;
    List<String> ranges = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Version best = null;
    String bestText = null;
    for (OsvEntry.Affected a : entry.affected()) {
      if (!samePackage(a, pkg)) {
        continue;
      }
      boolean inRange = false;
      boolean evaluable = false;
      for (OsvEntry.Range r : a.ranges()) {
        String type = r.type() == null ? "" : r.type();
        VersionScheme scheme;
        if (type.equals("ECOSYSTEM")) {
          scheme = Ecosystems.scheme(a.ecosystem());
        } else if (type.equals("SEMVER")) {
          scheme = Ecosystems.semverScheme(a.ecosystem());
        } else {
          if (type.equals("GIT")) git++;
          continue;
        }
        Optional<Version> installed = cache.parse(scheme, pkg.version());
        if (installed.isEmpty()) {
          problems.add("installed version '" + pkg.version() + "' is not a " + scheme.id() + " version");
          continue;
        }
        RangeEvaluator.Result res = RangeEvaluator.evaluate(r, installed.get(), scheme, cache);
        if (res.problem() != null) {
          problems.add(res.problem());
          continue;
        }
        evaluable = true;
        if (!res.affected()) {
          continue;
        }
        inRange = true;
        ranges.add(describe(res));
        if (res.fixed() != null) {
          Optional<Version> f = cache.parse(scheme, res.fixed());
          if (f.isPresent() && (best == null || f.get().compareTo(best) < 0)) {
            best = f.get();
            bestText = res.fixed();
          }
        }
      }
      // The list is checked after the ranges: exact text always, scheme equality ("1.0" == "1.0.0") only when
      // no range could be evaluated, since parsing long lists costs more than everything else in a scan.
      boolean inList = !inRange && listed(a, pkg, cache, !evaluable);
      if (inList || inRange) {
        affected = true;
        byList |= inList && !inRange;
      }
    }
    if (!affected) {
      return Optional.empty();
    }
    return Optional.of(new Match(entry, bestText, List.copyOf(ranges), byList && ranges.isEmpty(), git,
        List.copyOf(problems)));
  }

  static boolean samePackage(OsvEntry.Affected a, PackageRef pkg) {
    if (a.ecosystem() == null || a.name() == null) {
      return false;
    }
    String base = Ecosystems.base(a.ecosystem());
    if (!base.equals(pkg.baseEcosystem())) {
      return false;
    }
    // Distribution releases must agree; a longer advisory ecosystem refines the release ("Ubuntu:22.04:LTS").
    if (Ecosystems.releaseSpecific(base) && !a.ecosystem().equals(pkg.ecosystem())
        && !a.ecosystem().startsWith(pkg.ecosystem() + ":")) {
      return false;
    }
    return Ecosystems.normaliseName(a.ecosystem(), a.name()).equals(pkg.normalisedName());
  }

  private static boolean listed(OsvEntry.Affected a, PackageRef pkg, VersionCache cache, boolean byScheme) {
    if (a.versions().isEmpty()) {
      return false;
    }
    if (a.versions().contains(pkg.version())) {
      return true;
    }
    if (!byScheme) {
      return false;
    }
    VersionScheme scheme = Ecosystems.scheme(a.ecosystem());
    Optional<Version> installed = cache.parse(scheme, pkg.version());
    if (installed.isEmpty()) {
      return false;
    }
    for (String v : a.versions()) {
      Optional<Version> p = cache.parse(scheme, v);
      if (p.isPresent() && p.get().compareTo(installed.get()) == 0) {
        return true;
      }
    }
    return false;
  }

  private static String describe(RangeEvaluator.Result r) {
    StringBuilder b = new StringBuilder();
    b.append("0".equals(r.introduced()) ? ">=0" : ">=" + r.introduced());
    if (r.fixed() != null) b.append(", <").append(r.fixed());
    else if (r.lastAffected() != null) b.append(", <=").append(r.lastAffected());
    return b.toString();
  }
}
