package dev.bulwark.vuln.version;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]} ordered as dpkg does: epoch numerically,
 * then upstream and revision by alternating non-digit runs (where {@code ~} sorts before everything,
 * even the end, and letters before other characters) and digit runs compared numerically.
 */
public final class DebianVersion implements Version {

  public static final VersionScheme SCHEME = new VersionScheme() {
    @Override
    public String id() {
      return "dpkg";
    }

    @Override
    public Version parse(String text) {
      return DebianVersion.parse(text);
    }
  };

  private final String text;
  private final String epoch;
  private final String upstream;
  private final String revision;

  private DebianVersion(String text, String epoch, String upstream, String revision) {
    this.text = text;
    this.epoch = epoch;
    this.upstream = upstream;
    this.revision = revision;
  }

  public static DebianVersion parse(String text) {
    String s = text.trim();
    String epoch = "0";
    int colon = s.indexOf(':');
    if (colon >= 0) {
      epoch = s.substring(0, colon);
      if (!Digits.isDigits(epoch)) {
        throw new InvalidVersionException("Debian", text, "epoch is not a number");
      }
      s = s.substring(colon + 1);
    }
    String revision = "";
    int dash = s.lastIndexOf('-');
    if (dash >= 0) {
      revision = s.substring(dash + 1);
      s = s.substring(0, dash);
    }
    if (s.isEmpty() || !Digits.isDigit(s.charAt(0))) {
      throw new InvalidVersionException("Debian", text, "upstream version must start with a digit");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Digits.isDigit(c) || Digits.isLetter(c) || ".+~-:".indexOf(c) >= 0)) {
        throw new InvalidVersionException("Debian", text, "invalid character '" + c + "'");
      }
    }
    return new DebianVersion(text, Digits.stripZeros(epoch), s, revision);
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public int compareTo(Version other) {
    DebianVersion o = (DebianVersion) other;
    int c = Digits.compare(epoch, o.epoch);
    if (c == 0) c = verrevcmp(upstream, o.upstream);
    if (c == 0) c = verrevcmp(revision, o.revision);
    return c;
  }

  private static int order(char c) {
    if (Digits.isDigit(c)) return 0;
    if (Digits.isLetter(c)) return c;
    if (c == '~') return -1;
    return c + 256;
  }

  /** dpkg's verrevcmp; shared with the RPM-like schemes that have no {@code ~} rules of their own. */
  static int verrevcmp(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !Digits.isDigit(a.charAt(i))) || (j < b.length() && !Digits.isDigit(b.charAt(j)))) {
        int ac = i < a.length() ? order(a.charAt(i)) : 0;
        int bc = j < b.length() ? order(b.charAt(j)) : 0;
        if (ac != bc) return Integer.signum(ac - bc);
        i++;
        j++;
      }
      int si = i;
      while (i < a.length() && Digits.isDigit(a.charAt(i))) i++;
      int sj = j;
      while (j < b.length() && Digits.isDigit(b.charAt(j))) j++;
      String da = a.substring(si, i);
      String db = b.substring(sj, j);
      int c = Digits.compare(da.isEmpty() ? "0" : da, db.isEmpty() ? "0" : db);
      if (c != 0) return c;
    }
    return 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
