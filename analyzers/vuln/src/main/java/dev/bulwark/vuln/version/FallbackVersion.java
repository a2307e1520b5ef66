package dev.bulwark.vuln.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Ordering for ecosystems without a scheme of their own (CRAN, Hackage, Julia registries, Bitnami...):
 * runs of digits compare numerically, runs of letters lexically and below numbers, separators are
 * ignored, and a version that is a prefix of another is older.
 */
public final class FallbackVersion implements Version {

  public static final VersionScheme SCHEME = new VersionScheme() {
    @Override
    public String id() {
      return "generic";
    }

    @Override
    public Version parse(String text) {
      return FallbackVersion.parse(text);
    }
  };

  private final String text;
  private final List<String> parts;

  private FallbackVersion(String text, List<String> parts) {
    this.text = text;
    this.parts = parts;
  }

  public static FallbackVersion parse(String text) {
    String s = text.trim();
    if (s.startsWith("v") && s.length() > 1 && Digits.isDigit(s.charAt(1))) {
      s = s.substring(1);
    }
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int st = i;
      if (Digits.isDigit(c)) {
        while (i < s.length() && Digits.isDigit(s.charAt(i))) i++;
        parts.add(Digits.stripZeros(s.substring(st, i)));
      } else if (Digits.isLetter(c)) {
        while (i < s.length() && Digits.isLetter(s.charAt(i))) i++;
        parts.add(s.substring(st, i).toLowerCase(java.util.Locale.ROOT));
      } else {
        i++;
      }
    }
    if (parts.isEmpty()) {
      throw new InvalidVersionException("generic", text, "no digits or letters");
    }
    return new FallbackVersion(text, List.copyOf(parts));
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public int compareTo(Version other) {
    List<String> b = ((FallbackVersion) other).parts;
    int n = Math.min(parts.size(), b.size());
    for (int i = 0; i < n; i++) {
      String x = parts.get(i);
      String y = b.get(i);
      boolean xn = Digits.isDigits(x);
      boolean yn = Digits.isDigits(y);
      int c;
      if (xn && yn) c = Digits.compare(x, y);
      else if (xn) c = 1;
      else if (yn) c = -1;
      else c = x.compareTo(y);
      if (c != 0) return Integer.signum(c);
    }
    if (parts.size() == b.size()) return 0;
    // 1.0 < 1.0.1, but 1.0-beta < 1.0
    String next = parts.size() > n ? parts.get(n) : b.get(n);
    int sign = Digits.isDigits(next) ? 1 : -1;
    return parts.size() > n ? sign : -sign;
  }

  @Override
  public String toString() {
    return text;
  }
}
