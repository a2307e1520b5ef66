package dev.bulwark.vuln.version;

/**
 * An RPM package version {@code [epoch:]version[-release]} (AlmaLinux, Rocky, Red Hat, SUSE) ordered as
 * {@code rpmvercmp}: alphanumeric segments, separators ignored, numbers above letters, {@code ~} below
 * everything and {@code ^} below everything but the end.
 */
public final class RpmVersion implements Version {

  public static final VersionScheme SCHEME = new VersionScheme() {
    @Override
    public String id() {
      return "rpm";
    }

    @Override
    public Version parse(String text) {
      return RpmVersion.parse(text);
    }
  };

  private final String text;
  private final String epoch;
  private final String version;
  private final String release;

  private RpmVersion(String text, String epoch, String version, String release) {
    this.text = text;
    this.epoch = epoch;
    this.version = version;
    this.release = release;
  }

  public static RpmVersion parse(String text) {
    String s = text.trim();
    String epoch = "0";
    int colon = s.indexOf(':');
    if (colon >= 0) {
      epoch = s.substring(0, colon);
      if (!Digits.isDigits(epoch)) {
        throw new InvalidVersionException("RPM", text, "epoch is not a number");
      }
      s = s.substring(colon + 1);
    }
    if (s.isEmpty()) {
      throw new InvalidVersionException("RPM", text, "empty");
    }
    String release = null;
    int dash = s.lastIndexOf('-');
    if (dash >= 0) {
      release = s.substring(dash + 1);
      s = s.substring(0, dash);
    }
    return new RpmVersion(text, Digits.stripZeros(epoch), s, release);
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public int compareTo(Version other) {
    RpmVersion o = (RpmVersion) other;
    int c = Digits.compare(epoch, o.epoch);
    if (c == 0) c = rpmvercmp(version, o.version);
    // A version without release matches every release of it, as rpm's own comparison does.
    if (c == 0 && release != null && o.release != null) c = rpmvercmp(release, o.release);
    return c;
  }

  private static boolean alnum(char c) {
    return Digits.isDigit(c) || Digits.isLetter(c);
  }

  static int rpmvercmp(String a, String b) {
    if (a.equals(b)) return 0;
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while (i < a.length() && !alnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') i++;
      while (j < b.length() && !alnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') j++;
      char ca = i < a.length() ? a.charAt(i) : '\0';
      char cb = j < b.length() ? b.charAt(j) : '\0';
      if (ca == '~' || cb == '~') {
        if (ca != '~') return 1;
        if (cb != '~') return -1;
        i++;
        j++;
        continue;
      }
      if (ca == '^' || cb == '^') {
        if (ca == '\0') return -1;
        if (cb == '\0') return 1;
        if (ca != '^') return 1;
        if (cb != '^') return -1;
        i++;
        j++;
        continue;
      }
      if (ca == '\0' || cb == '\0') break;
      boolean num = Digits.isDigit(ca);
      int si = i;
      int sj = j;
      if (num) {
        while (i < a.length() && Digits.isDigit(a.charAt(i))) i++;
        while (j < b.length() && Digits.isDigit(b.charAt(j))) j++;
      } else {
        while (i < a.length() && Digits.isLetter(a.charAt(i))) i++;
        while (j < b.length() && Digits.isLetter(b.charAt(j))) j++;
      }
      String sa = a.substring(si, i);
      String sb = b.substring(sj, j);
      if (sb.isEmpty()) return num ? 1 : -1;
      int c = num ? Digits.compare(sa, sb) : sa.compareTo(sb);
      if (c != 0) return Integer.signum(c);
    }
    boolean ra = i < a.length();
    boolean rb = j < b.length();
    if (!ra && !rb) return 0;
    return ra ? 1 : -1;
  }

  @Override
  public String toString() {
    return text;
  }
}
