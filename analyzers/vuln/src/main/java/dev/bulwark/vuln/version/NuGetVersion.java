package dev.bulwark.vuln.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A NuGet version: up to four numeric parts ({@code 1.0 == 1.0.0 == 1.0.0.0}), SemVer 2.0 pre-release
 * labels compared case-insensitively, metadata after {@code +} ignored.
 */
public final class NuGetVersion implements Version {

  public static final VersionScheme SCHEME = new VersionScheme() {
    @Override
    public String id() {
      return "nuget";
    }

    @Override
    public Version parse(String text) {
      return NuGetVersion.parse(text);
    }
  };

  private final String text;
  private final String[] parts;
  private final List<String> pre;

  private NuGetVersion(String text, String[] parts, List<String> pre) {
    this.text = text;
    this.parts = parts;
    this.pre = pre;
  }

  public static NuGetVersion parse(String text) {
    String s = text.trim();
    if (s.startsWith("v") || s.startsWith("V")) {
      s = s.substring(1);
    }
    int plus = s.indexOf('+');
    if (plus >= 0) {
      s = s.substring(0, plus);
    }
    List<String> pre = List.of();
    int dash = s.indexOf('-');
    if (dash >= 0) {
      pre = new ArrayList<>();
      for (String id : s.substring(dash + 1).split("\\.", -1)) {
        if (id.isEmpty()) {
          throw new InvalidVersionException("NuGet", text, "empty pre-release label");
        }
        pre.add(id);
      }
      s = s.substring(0, dash);
    }
    String[] core = s.split("\\.", -1);
    if (core.length > 4) {
      throw new InvalidVersionException("NuGet", text, "more than four numeric parts");
    }
    String[] parts = {"0", "0", "0", "0"};
    for (int i = 0; i < core.length; i++) {
      if (!Digits.isDigits(core[i])) {
        throw new InvalidVersionException("NuGet", text, "'" + core[i] + "' is not a number");
      }
      parts[i] = Digits.stripZeros(core[i]);
    }
    return new NuGetVersion(text, parts, List.copyOf(pre));
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public int compareTo(Version other) {
    NuGetVersion o = (NuGetVersion) other;
    for (int i = 0; i < 4; i++) {
      int c = Digits.compare(parts[i], o.parts[i]);
      if (c != 0) return c;
    }
    if (pre.isEmpty() != o.pre.isEmpty()) {
      return pre.isEmpty() ? 1 : -1;
    }
    return SemVer.compareIdentifiers(pre, o.pre, true);
  }

  @Override
  public String toString() {
    return text;
  }
}
