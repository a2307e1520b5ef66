package dev.bulwark.vuln.version;

import java.util.ArrayList;
import java.util.List;

/**
 * An Alpine apk version {@code 1.2.3[a][_suffixN]...[-rN]} ordered as apk-tools does: numbers
 * (later ones with a leading zero compared as fractions), one optional letter, suffixes
 * {@code _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p}, then the revision.
 */
public final class AlpineVersion implements Version {

  public static final VersionScheme SCHEME = new VersionScheme() {
    @Override
    public String id() {
      return "apk";
    }

    @Override
    public Version parse(String text) {
      return AlpineVersion.parse(text);
    }
  };

  private static final List<String> PRE = List.of("alpha", "beta", "pre", "rc");
  private static final List<String> POST = List.of("cvs", "svn", "git", "hg", "p");

  /** Token types in apk's order: a higher type at the first difference means an older version. */
  private enum Type { DIGIT, LETTER, SUFFIX, SUFFIX_NO, REVISION_NO, END }

  private record Token(Type type, String value, boolean fraction) {}

  private final String text;
  private final List<Token> tokens;

  private AlpineVersion(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  public static AlpineVersion parse(String text) {
    String s = text.trim();
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    boolean first = true;
    if (n == 0 || !Digits.isDigit(s.charAt(0))) {
      throw new InvalidVersionException("apk", text, "must start with a digit");
    }
    // numbers separated by dots
    while (true) {
      int st = i;
      while (i < n && Digits.isDigit(s.charAt(i))) i++;
      if (st == i) throw new InvalidVersionException("apk", text, "number expected at offset " + st);
      String num = s.substring(st, i);
      out.add(new Token(Type.DIGIT, num, !first && num.length() > 1 && num.charAt(0) == '0'));
      first = false;
      if (i < n && s.charAt(i) == '.') {
        i++;
        continue;
      }
      break;
    }
    if (i < n && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
      out.add(new Token(Type.LETTER, String.valueOf(s.charAt(i)), false));
      i++;
    }
    while (i < n && s.charAt(i) == '_') {
      i++;
      int st = i;
      while (i < n && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') i++;
      String suffix = s.substring(st, i);
      int rank;
      if (PRE.contains(suffix)) rank = PRE.indexOf(suffix) - PRE.size();
      else if (POST.contains(suffix)) rank = POST.indexOf(suffix) + 1;
      else throw new InvalidVersionException("apk", text, "unknown suffix '_" + suffix + "'");
      out.add(new Token(Type.SUFFIX, Integer.toString(rank), false));
      st = i;
      while (i < n && Digits.isDigit(s.charAt(i))) i++;
      if (i > st) out.add(new Token(Type.SUFFIX_NO, s.substring(st, i), false));
    }
    if (i < n && s.startsWith("-r", i)) {
      i += 2;
      int st = i;
      while (i < n && Digits.isDigit(s.charAt(i))) i++;
      if (st == i) throw new InvalidVersionException("apk", text, "revision number expected");
      out.add(new Token(Type.REVISION_NO, s.substring(st, i), false));
    }
    if (i != n) {
      throw new InvalidVersionException("apk", text, "unexpected text at offset " + i);
    }
    out.add(new Token(Type.END, "", false));
    return new AlpineVersion(text, List.copyOf(out));
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public int compareTo(Version other) {
    List<Token> a = tokens;
    List<Token> b = ((AlpineVersion) other).tokens;
    int k = 0;
    while (true) {
      Token x = a.get(k);
      Token y = b.get(k);
      if (x.type() != y.type()) {
        return tail(x, y);
      }
      if (x.type() == Type.END) return 0;
      int c = switch (x.type()) {
        case DIGIT -> (x.fraction() || y.fraction()) ? fraction(x.value(), y.value()) : Digits.compare(x.value(), y.value());
        case LETTER -> x.value().compareTo(y.value());
        case SUFFIX -> Integer.compare(Integer.parseInt(x.value()), Integer.parseInt(y.value()));
        default -> Digits.compare(x.value(), y.value());
      };
      if (c != 0) return Integer.signum(c);
      k++;
    }
  }

  /** Compares the first differing token types: a pre-release suffix is older than anything, else lower type wins. */
  private static int tail(Token x, Token y) {
    if (x.type() == Type.SUFFIX && Integer.parseInt(x.value()) < 0) return -1;
    if (y.type() == Type.SUFFIX && Integer.parseInt(y.value()) < 0) return 1;
    return x.type().ordinal() > y.type().ordinal() ? -1 : 1;
  }

  /** Components with a leading zero compare as decimal fractions: 1.02 &lt; 1.1. */
  private static int fraction(String a, String b) {
    int n = Math.max(a.length(), b.length());
    StringBuilder x = new StringBuilder(a);
    StringBuilder y = new StringBuilder(b);
    while (x.length() < n) x.append('0');
    while (y.length() < n) y.append('0');
    return x.toString().compareTo(y.toString());
  }

  @Override
  public String toString() {
    return text;
  }
}
