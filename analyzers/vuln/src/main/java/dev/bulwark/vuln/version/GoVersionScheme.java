package dev.bulwark.vuln.version;

/**
 * Go module versions: SemVer with a mandatory-in-practice {@code v} prefix, pseudo-versions
 * ({@code v0.0.0-20210101000000-abcdef123456}, which are pre-releases and so order correctly) and
 * {@code +incompatible} (build metadata, ignored). The toolchain's own {@code go1.21.3} spelling is
 * accepted for the standard library.
 */
public final class GoVersionScheme implements VersionScheme {

  @Override
  public String id() {
    return "go";
  }

  @Override
  public Version parse(String text) {
    String s = text.trim();
    if (s.startsWith("go")) {
      s = goToolchain(s.substring(2), text);
    }
    return SemVer.parse(s.equals(text) ? text : s);
  }

  /** go1.21rc2 → 1.21.0-rc.2, go1.20 → 1.20.0, as golang.org/x/vuln does. */
  private static String goToolchain(String s, String text) {
    int i = 0;
    while (i < s.length() && (Digits.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
    String core = s.substring(0, i);
    String rest = s.substring(i);
    if (rest.isEmpty()) {
      return core;
    }
    int j = 0;
    while (j < rest.length() && Digits.isLetter(rest.charAt(j))) j++;
    if (j == 0 || j == rest.length() || !Digits.isDigits(rest.substring(j))) {
      throw new InvalidVersionException("Go", text, "unexpected '" + rest + "'");
    }
    return core + "-" + rest.substring(0, j) + "." + rest.substring(j);
  }
}
