package dev.bulwark.vuln.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Composer (Packagist) version: normalised the way Composer's version parser does (up to four numeric
 * parts, a stability suffix {@code stable|RC|beta|alpha|patch} with its number, {@code -dev}) and then
 * ordered like PHP's {@code version_compare}: {@code dev < alpha < beta < RC < release < patch}.
 * Branch names ({@code dev-main}) are not versions and are rejected.
 */
public final class ComposerVersion implements Version {

  public static final VersionScheme SCHEME = new VersionScheme() {
    @Override
    public String id() {
      return "composer";
    }

    @Override
    public Version parse(String text) {
      return ComposerVersion.parse(text);
    }
  };

  private final String text;
  private final List<String> parts;

  private ComposerVersion(String text, List<String> parts) {
    this.text = text;
    this.parts = parts;
  }

  public static ComposerVersion parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.startsWith("v")) {
      s = s.substring(1);
    }
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    int plus = s.indexOf('+');
    if (plus >= 0) {
      s = s.substring(0, plus);
    }
    if (s.isEmpty() || !Digits.isDigit(s.charAt(0))) {
      throw new InvalidVersionException("Composer", text, "must start with a number");
    }
    int i = 0;
    List<String> nums = new ArrayList<>();
    while (true) {
      int start = i;
      while (i < s.length() && Digits.isDigit(s.charAt(i))) i++;
      if (i == start) {
        throw new InvalidVersionException("Composer", text, "number expected at offset " + start);
      }
      nums.add(Digits.stripZeros(s.substring(start, i)));
      if (i < s.length() && s.charAt(i) == '.' && i + 1 < s.length() && Digits.isDigit(s.charAt(i + 1))
          && nums.size() < 4) {
        i++;
      } else {
        break;
      }
    }
    while (nums.size() < 4) nums.add("0");
    List<String> parts = new ArrayList<>(nums);
    String rest = s.substring(i);
    if (!rest.isEmpty() && (rest.charAt(0) == '.' || rest.charAt(0) == '-' || rest.charAt(0) == '_')) {
      rest = rest.substring(1);
    }
    boolean dev = false;
    if (rest.endsWith("dev")) {
      dev = true;
      rest = rest.substring(0, rest.length() - 3);
      if (rest.endsWith(".") || rest.endsWith("-") || rest.endsWith("_")) {
        rest = rest.substring(0, rest.length() - 1);
      }
    }
    if (!rest.isEmpty()) {
      int j = 0;
      while (j < rest.length() && Digits.isLetter(rest.charAt(j))) j++;
      String stability = switch (rest.substring(0, j)) {
        case "stable" -> "";
        case "rc" -> "rc";
        case "beta", "b" -> "beta";
        case "alpha", "a" -> "alpha";
        case "patch", "pl", "p" -> "patch";
        default -> throw new InvalidVersionException("Composer", text, "unknown stability '" + rest + "'");
      };
      String number = rest.substring(j);
      if (!number.isEmpty() && (number.charAt(0) == '.' || number.charAt(0) == '-')) {
        number = number.substring(1);
      }
      if (!stability.isEmpty()) {
        parts.add(stability);
      }
      for (String n : number.isEmpty() ? new String[0] : number.split("[.-]")) {
        if (!Digits.isDigits(n)) {
          throw new InvalidVersionException("Composer", text, "unexpected '" + number + "'");
        }
        parts.add(Digits.stripZeros(n));
      }
    }
    if (dev) {
      parts.add("dev");
    }
    return new ComposerVersion(text, List.copyOf(parts));
  }

  @Override
  public String text() {
    return text;
  }

  private static int form(String part) {
    return switch (part) {
      case "dev" -> 0;
      case "alpha" -> 1;
      case "beta" -> 2;
      case "rc" -> 3;
      case "#" -> 4;
      case "patch" -> 5;
      default -> -6;
    };
  }

  @Override
  public int compareTo(Version other) {
    List<String> a = parts;
    List<String> b = ((ComposerVersion) other).parts;
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean xn = Digits.isDigits(x);
      boolean yn = Digits.isDigits(y);
      int c;
      if (xn && yn) c = Digits.compare(x, y);
      else c = Integer.compare(form(xn ? "#" : x), form(yn ? "#" : y));
      if (c != 0) return c;
    }
    if (a.size() > n) {
      String x = a.get(n);
      return Digits.isDigits(x) ? 1 : Integer.signum(Integer.compare(form(x), form("#")));
    }
    if (b.size() > n) {
      String y = b.get(n);
      return Digits.isDigits(y) ? -1 : Integer.signum(Integer.compare(form("#"), form(y)));
    }
    return 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
