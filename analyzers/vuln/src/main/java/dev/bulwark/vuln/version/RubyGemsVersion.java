package dev.bulwark.vuln.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code Gem::Version}: segments are runs of digits or letters ({@code -} means {@code .pre.}); a
 * version with a letter segment is a pre-release; trailing zero segments are insignificant (separately
 * before and after the first letter segment); letters sort before numbers.
 */
public final class RubyGemsVersion implements Version {

  public static final VersionScheme SCHEME = new VersionScheme() {
    @Override
    public String id() {
      return "rubygems";
    }

    @Override
    public Version parse(String text) {
      return RubyGemsVersion.parse(text);
    }
  };

  private final String text;
  private final List<Object> segments; // String (letters) or String-of-digits wrapped in Num

  private record Num(String digits) {}

  private RubyGemsVersion(String text, List<Object> segments) {
    this.text = text;
    this.segments = segments;
  }

  public static RubyGemsVersion parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw new InvalidVersionException("RubyGems", text, "empty");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Digits.isDigit(c) || Digits.isLetter(c) || c == '.' || c == '-')) {
        throw new InvalidVersionException("RubyGems", text, "invalid character '" + c + "'");
      }
    }
    if (!Digits.isDigit(s.charAt(0))) {
      throw new InvalidVersionException("RubyGems", text, "must start with a number");
    }
    s = s.replace("-", ".pre.");
    List<Object> segs = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int start = i;
      if (Digits.isDigit(c)) {
        while (i < s.length() && Digits.isDigit(s.charAt(i))) i++;
        segs.add(new Num(Digits.stripZeros(s.substring(start, i))));
      } else if (Digits.isLetter(c)) {
        while (i < s.length() && Digits.isLetter(s.charAt(i))) i++;
        segs.add(s.substring(start, i));
      } else {
        i++;
      }
    }
    return new RubyGemsVersion(text, canonical(segs));
  }

  private static List<Object> canonical(List<Object> segs) {
    int firstLetter = segs.size();
    for (int i = 0; i < segs.size(); i++) {
      if (segs.get(i) instanceof String) {
        firstLetter = i;
        break;
      }
    }
    List<Object> numeric = new ArrayList<>(segs.subList(0, firstLetter));
    List<Object> rest = new ArrayList<>(segs.subList(firstLetter, segs.size()));
    trimZeros(numeric);
    trimZeros(rest);
    numeric.addAll(rest);
    return List.copyOf(numeric);
  }

  private static void trimZeros(List<Object> list) {
    while (!list.isEmpty() && list.get(list.size() - 1) instanceof Num n && n.digits().equals("0")) {
      list.remove(list.size() - 1);
    }
  }

  public boolean isPreRelease() {
    return segments.stream().anyMatch(s -> s instanceof String);
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public int compareTo(Version other) {
    RubyGemsVersion o = (RubyGemsVersion) other;
    int n = Math.max(segments.size(), o.segments.size());
    for (int i = 0; i < n; i++) {
      Object a = i < segments.size() ? segments.get(i) : new Num("0");
      Object b = i < o.segments.size() ? o.segments.get(i) : new Num("0");
      if (a.equals(b)) continue;
      if (a instanceof String && b instanceof Num) return -1;
      if (a instanceof Num && b instanceof String) return 1;
      if (a instanceof Num x && b instanceof Num y) return Digits.compare(x.digits(), y.digits());
      return ((String) a).compareTo((String) b);
    }
    return 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
