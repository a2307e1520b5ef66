package dev.bulwark.vuln.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A SemVer 2.0 version: precedence by major, minor, patch, then pre-release identifiers (numeric ones
 * numerically and below alphanumeric ones, a shorter set below a longer one it prefixes, a release above
 * all its pre-releases); build metadata is kept but ignored, as the spec says. Parsing tolerates what
 * advisories and lockfiles write in practice: a leading {@code v} or {@code =}, and missing minor or patch.
 */
public final class SemVer implements Version {

  public static final VersionScheme SCHEME = scheme("semver", false);
  /** Pub orders build metadata too: {@code 1.0.0+1 > 1.0.0}. */
  public static final VersionScheme PUB = scheme("pub", true);

  private final String text;
  final String major;
  final String minor;
  final String patch;
  final List<String> pre;
  final List<String> build;
  private final boolean buildOrders;

  SemVer(String text, String major, String minor, String patch, List<String> pre, List<String> build,
      boolean buildOrders) {
    this.text = text;
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = pre;
    this.build = build;
    this.buildOrders = buildOrders;
  }

  private static VersionScheme scheme(String id, boolean buildOrders) {
    return new VersionScheme() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Version parse(String text) {
        return SemVer.parse(text, buildOrders);
      }
    };
  }

  public static SemVer parse(String text) {
    return parse(text, false);
  }

  static SemVer parse(String text, boolean buildOrders) {
    String s = text.trim();
    if (s.startsWith("v") || s.startsWith("V") || s.startsWith("=")) {
      s = s.substring(1);
    }
    List<String> build = List.of();
    int plus = s.indexOf('+');
    if (plus >= 0) {
      build = identifiers(text, s.substring(plus + 1));
      s = s.substring(0, plus);
    }
    List<String> pre = List.of();
    int dash = s.indexOf('-');
    if (dash >= 0) {
      pre = identifiers(text, s.substring(dash + 1));
      s = s.substring(0, dash);
    }
    String[] core = s.split("\\.", -1);
    if (core.length > 3 || core[0].isEmpty()) {
      throw new InvalidVersionException("SemVer", text, "expected MAJOR.MINOR.PATCH");
    }
    for (String part : core) {
      if (!Digits.isDigits(part)) {
        throw new InvalidVersionException("SemVer", text, "'" + part + "' is not a number");
      }
    }
    return new SemVer(text, Digits.stripZeros(core[0]), core.length > 1 ? Digits.stripZeros(core[1]) : "0",
        core.length > 2 ? Digits.stripZeros(core[2]) : "0", pre, build, buildOrders);
  }

  private static List<String> identifiers(String text, String s) {
    List<String> out = new ArrayList<>();
    for (String id : s.split("\\.", -1)) {
      if (id.isEmpty()) {
        throw new InvalidVersionException("SemVer", text, "empty identifier");
      }
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (!(Digits.isDigit(c) || Digits.isLetter(c) || c == '-')) {
          throw new InvalidVersionException("SemVer", text, "invalid character '" + c + "'");
        }
      }
      out.add(id);
    }
    return List.copyOf(out);
  }

  @Override
  public String text() {
    return text;
  }

  public boolean isPreRelease() {
    return !pre.isEmpty();
  }

  @Override
  public int compareTo(Version other) {
    SemVer o = (SemVer) other;
    int c = Digits.compare(major, o.major);
    if (c == 0) c = Digits.compare(minor, o.minor);
    if (c == 0) c = Digits.compare(patch, o.patch);
    if (c != 0) return c;
    if (pre.isEmpty() != o.pre.isEmpty()) {
      return pre.isEmpty() ? 1 : -1;
    }
    c = compareIdentifiers(pre, o.pre, false);
    if (c != 0 || !buildOrders) return c;
    if (build.isEmpty() != o.build.isEmpty()) {
      return build.isEmpty() ? -1 : 1;
    }
    return compareIdentifiers(build, o.build, false);
  }

  static int compareIdentifiers(List<String> a, List<String> b, boolean ignoreCase) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean xn = Digits.isDigits(x);
      boolean yn = Digits.isDigits(y);
      int c;
      if (xn && yn) c = Digits.compare(x, y);
      else if (xn) c = -1;
      else if (yn) c = 1;
      else c = ignoreCase ? x.compareToIgnoreCase(y) : x.compareTo(y);
      if (c != 0) return c;
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SemVer v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return (major + "." + minor + "." + patch).hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
