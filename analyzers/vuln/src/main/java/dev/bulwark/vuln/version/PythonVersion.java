package dev.bulwark.vuln.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A version as PyPI tooling orders it: a PEP 440 version when the text is one, else a legacy version
 * ({@code 0.1-bulbasaur}, {@code 0.7.4.svn.r2010}) with setuptools' historical ordering, which sorts every
 * legacy version before every PEP 440 one. osv.dev evaluates PyPI ranges the same way, so advisories
 * whose {@code versions} lists hold legacy releases agree with their ranges.
 */
public final class PythonVersion implements Version {

  public static final VersionScheme SCHEME = new VersionScheme() {
    @Override
    public String id() {
      return "pep440";
    }

    @Override
    public Version parse(String text) {
      return PythonVersion.parse(text);
    }
  };

  private static final Map<String, String> REPLACEMENTS = Map.of("pre", "c", "preview", "c", "-", "final-", "rc", "c",
      "dev", "@");

  private final String text;
  private final Pep440Version pep;
  private final List<String> legacy;

  private PythonVersion(String text, Pep440Version pep, List<String> legacy) {
    this.text = text;
    this.pep = pep;
    this.legacy = legacy;
  }

  public static PythonVersion parse(String text) {
    try {
      return new PythonVersion(text, Pep440Version.parse(text), null);
    } catch (InvalidVersionException e) {
      String s = text.trim();
      if (s.isEmpty()) {
        throw new InvalidVersionException("Python", text, "empty");
      }
      return new PythonVersion(text, null, legacyKey(s.toLowerCase(Locale.ROOT)));
    }
  }

  /** True when the text is not PEP 440 and only the legacy ordering applies. */
  public boolean isLegacy() {
    return pep == null;
  }

  /** setuptools' legacy key: numbers zero-padded, words prefixed with {@code *}, trailing zeros and finals dropped. */
  private static List<String> legacyKey(String s) {
    List<String> parts = new ArrayList<>();
    for (String raw : split(s)) {
      String part = REPLACEMENTS.getOrDefault(raw, raw);
      if (part.isEmpty() || part.equals(".")) continue;
      String p = Digits.isDigit(part.charAt(0)) ? pad(part) : "*" + part;
      if (p.startsWith("*")) {
        if (p.compareTo("*final") < 0) {
          while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("*final-")) parts.remove(parts.size() - 1);
        }
        while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("00000000")) parts.remove(parts.size() - 1);
      }
      parts.add(p);
    }
    // the closing "*final" goes through the same trimming
    while (!parts.isEmpty() && parts.get(parts.size() - 1).equals("00000000")) parts.remove(parts.size() - 1);
    parts.add("*final");
    return List.copyOf(parts);
  }

  private static String pad(String digits) {
    StringBuilder b = new StringBuilder();
    for (int i = digits.length(); i < 8; i++) b.append('0');
    return b.append(digits).toString();
  }

  /** Splits into runs of digits, runs of letters, {@code .} and {@code -}, keeping the text between them. */
  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder other = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int st = i;
      if (Digits.isDigit(c)) {
        while (i < s.length() && Digits.isDigit(s.charAt(i))) i++;
      } else if (c >= 'a' && c <= 'z') {
        while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') i++;
      } else if (c == '.' || c == '-') {
        i++;
      } else {
        other.append(c);
        i++;
        continue;
      }
      if (!other.isEmpty()) {
        out.add(other.toString());
        other.setLength(0);
      }
      out.add(s.substring(st, i));
    }
    if (!other.isEmpty()) out.add(other.toString());
    return out;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public int compareTo(Version other) {
    PythonVersion o = (PythonVersion) other;
    if (pep != null && o.pep != null) return pep.compareTo(o.pep);
    if (pep != null) return 1;
    if (o.pep != null) return -1;
    int n = Math.min(legacy.size(), o.legacy.size());
    for (int i = 0; i < n; i++) {
      int c = legacy.get(i).compareTo(o.legacy.get(i));
      if (c != 0) return Integer.signum(c);
    }
    return Integer.compare(legacy.size(), o.legacy.size());
  }

  @Override
  public String toString() {
    return text;
  }
}
