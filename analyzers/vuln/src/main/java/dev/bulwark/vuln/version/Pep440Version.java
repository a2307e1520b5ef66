package dev.bulwark.vuln.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PEP 440 version with the normalisations of the spec (case, separators, alternative spellings,
 * implicit numbers, leading {@code v}) and its full ordering: epoch, release (trailing zeros
 * insignificant), pre-release, post-release, development release, local version label.
 */
public final class Pep440Version implements Version {

  public static final VersionScheme SCHEME = new VersionScheme() {
    @Override
    public String id() {
      return "pep440";
    }

    @Override
    public Version parse(String text) {
      return Pep440Version.parse(text);
    }
  };

  private final String text;
  private final String epoch;
  private final List<String> release;
  private final int preKind; // -1 none, 0 a, 1 b, 2 rc
  private final String preNumber;
  private final String post; // null when absent
  private final String dev; // null when absent
  private final List<String> local; // empty when absent

  private Pep440Version(String text, String epoch, List<String> release, int preKind, String preNumber,
      String post, String dev, List<String> local) {
    this.text = text;
    this.epoch = epoch;
    this.release = release;
    this.preKind = preKind;
    this.preNumber = preNumber;
    this.post = post;
    this.dev = dev;
    this.local = local;
  }

  @Override
  public String text() {
    return text;
  }

  public boolean isPreRelease() {
    return preKind >= 0 || dev != null;
  }

  /** Parses per PEP 440 "Normalization"; throws {@link InvalidVersionException} for anything else. */
  public static Pep440Version parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    Cursor c = new Cursor(s, text);
    if (c.peek() == 'v') {
      c.pos++;
    }
    String epoch = "0";
    String first = c.digits();
    if (first == null) {
      throw c.fail("release number expected");
    }
    if (c.peek() == '!') {
      c.pos++;
      epoch = first;
      first = c.digits();
      if (first == null) {
        throw c.fail("release number expected after epoch");
      }
    }
    List<String> release = new ArrayList<>();
    release.add(Digits.stripZeros(first));
    while (c.peek() == '.' && Digits.isDigit(c.peekAt(1))) {
      c.pos++;
      release.add(Digits.stripZeros(c.digits()));
    }
    int preKind = -1;
    String preNumber = null;
    int save = c.pos;
    c.separator();
    String label = c.letters();
    int kind = label == null ? -1 : preKind(label);
    if (kind >= 0) {
      preKind = kind;
      int beforeNum = c.pos;
      c.separator();
      preNumber = c.digits();
      if (preNumber == null) {
        c.pos = beforeNum;
        preNumber = "0";
      }
      save = c.pos;
    } else {
      c.pos = save;
    }
    String post = null;
    if (c.peek() == '-' && Digits.isDigit(c.peekAt(1))) {
      c.pos++;
      post = c.digits();
      save = c.pos;
    } else {
      c.separator();
      label = c.letters();
      if (label != null && (label.equals("post") || label.equals("rev") || label.equals("r"))) {
        int beforeNum = c.pos;
        c.separator();
        post = c.digits();
        if (post == null) {
          c.pos = beforeNum;
          post = "0";
        }
        save = c.pos;
      } else {
        c.pos = save;
      }
    }
    String dev = null;
    c.separator();
    label = c.letters();
    if ("dev".equals(label)) {
      int beforeNum = c.pos;
      c.separator();
      dev = c.digits();
      if (dev == null) {
        c.pos = beforeNum;
        dev = "0";
      }
    } else {
      c.pos = save;
    }
    List<String> local = new ArrayList<>();
    if (c.peek() == '+') {
      c.pos++;
      StringBuilder part = new StringBuilder();
      while (c.pos < s.length()) {
        char ch = s.charAt(c.pos);
        if (ch == '.' || ch == '-' || ch == '_') {
          if (part.isEmpty()) {
            throw c.fail("empty local version segment");
          }
          local.add(part.toString());
          part.setLength(0);
        } else if (Digits.isDigit(ch) || (ch >= 'a' && ch <= 'z')) {
          part.append(ch);
        } else {
          throw c.fail("unexpected '" + ch + "' in local version");
        }
        c.pos++;
      }
      if (part.isEmpty()) {
        throw c.fail("empty local version segment");
      }
      local.add(part.toString());
    }
    if (c.pos != s.length()) {
      throw c.fail("unexpected text at offset " + c.pos);
    }
    return new Pep440Version(text, Digits.stripZeros(epoch), List.copyOf(release), preKind,
        preNumber == null ? null : Digits.stripZeros(preNumber),
        post == null ? null : Digits.stripZeros(post), dev == null ? null : Digits.stripZeros(dev),
        List.copyOf(local));
  }

  private static int preKind(String label) {
    return switch (label) {
      case "a", "alpha" -> 0;
      case "b", "beta" -> 1;
      case "rc", "c", "pre", "preview" -> 2;
      default -> -1;
    };
  }

  @Override
  public int compareTo(Version other) {
    Pep440Version o = (Pep440Version) other;
    int c = Digits.compare(epoch, o.epoch);
    if (c != 0) return c;
    c = compareRelease(release, o.release);
    if (c != 0) return c;
    c = Integer.compare(preRank(), o.preRank());
    if (c != 0) return c;
    if (preKind >= 0 && o.preKind >= 0) {
      c = Digits.compare(preNumber, o.preNumber);
      if (c != 0) return c;
    }
    c = compareOptional(post, o.post, false);
    if (c != 0) return c;
    c = compareOptional(dev, o.dev, true);
    if (c != 0) return c;
    return compareLocal(local, o.local);
  }

  /** Ranks the pre-release slot: a dev release of the final sorts before its alphas; a final after its rcs. */
  private int preRank() {
    if (preKind >= 0) {
      return preKind;
    }
    if (post == null && dev != null) {
      return -1;
    }
    return 3;
  }

  /** A missing post sorts first; a missing dev sorts last. */
  private static int compareOptional(String a, String b, boolean missingIsLast) {
    if (a == null && b == null) return 0;
    if (a == null) return missingIsLast ? 1 : -1;
    if (b == null) return missingIsLast ? -1 : 1;
    return Digits.compare(a, b);
  }

  private static int compareRelease(List<String> a, List<String> b) {
    int n = Math.max(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      String x = i < a.size() ? a.get(i) : "0";
      String y = i < b.size() ? b.get(i) : "0";
      int c = Digits.compare(x, y);
      if (c != 0) return c;
    }
    return 0;
  }

  /** Numeric segments sort after alphanumeric ones; a longer label sorts after its prefix. */
  private static int compareLocal(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean xn = Digits.isDigits(x);
      boolean yn = Digits.isDigits(y);
      int c;
      if (xn && yn) c = Digits.compare(x, y);
      else if (xn) c = 1;
      else if (yn) c = -1;
      else c = x.compareTo(y);
      if (c != 0) return c;
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pep440Version v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return epoch.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Cursor {
    final String s;
    final String original;
    int pos;

    Cursor(String s, String original) {
      this.s = s;
      this.original = original;
    }

    char peek() {
      return peekAt(0);
    }

    char peekAt(int ahead) {
      int i = pos + ahead;
      return i < s.length() ? s.charAt(i) : '\0';
    }

    String digits() {
      int start = pos;
      while (pos < s.length() && Digits.isDigit(s.charAt(pos))) pos++;
      return pos > start ? s.substring(start, pos) : null;
    }

    String letters() {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) >= 'a' && s.charAt(pos) <= 'z') pos++;
      return pos > start ? s.substring(start, pos) : null;
    }

    void separator() {
      char ch = peek();
      if (ch == '.' || ch == '-' || ch == '_') pos++;
    }

    InvalidVersionException fail(String problem) {
      return new InvalidVersionException("PEP 440", original, problem);
    }
  }
}
