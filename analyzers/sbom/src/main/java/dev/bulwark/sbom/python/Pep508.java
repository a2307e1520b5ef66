package dev.bulwark.sbom.python;

import java.util.ArrayList;
import java.util.List;

/**
 * A PEP 508 dependency specifier, parsed by hand (linear, no regex): {@code name[extras] specifiers ; marker}
 * or {@code name[extras] @ url ; marker}. {@link #pinnedVersion()} is the version of an exact
 * {@code ==}/{@code ===} pin without wildcard, else null.
 */
record Pep508(String name, List<String> extras, String specifier, String url, String marker) {

  static Pep508 parse(String text) {
    String s = text.strip();
    int i = 0;
    int n = s.length();
    while (i < n && isNameChar(s.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return null;
    }
    String name = s.substring(0, i);
    i = skipSpaces(s, i);
    List<String> extras = new ArrayList<>();
    if (i < n && s.charAt(i) == '[') {
      int close = s.indexOf(']', i);
      if (close < 0) {
        return null;
      }
      for (String e : s.substring(i + 1, close).split(",")) {
        if (!e.isBlank()) {
          extras.add(e.strip());
        }
      }
      i = skipSpaces(s, close + 1);
    }
    String url = null;
    String spec = null;
    String marker = null;
    int semi = markerStart(s, i);
    String rest = (semi < 0 ? s.substring(i) : s.substring(i, semi)).strip();
    if (semi >= 0) {
      marker = s.substring(semi + 1).strip();
    }
    if (rest.startsWith("@")) {
      url = rest.substring(1).strip();
    } else if (!rest.isEmpty()) {
      if (rest.startsWith("(") && rest.endsWith(")")) {
        rest = rest.substring(1, rest.length() - 1).strip();
      }
      spec = rest.replace(" ", "");
    }
    return new Pep508(name, List.copyOf(extras), spec == null || spec.isEmpty() ? null : spec, url, marker);
  }

  /** The marker starts at the first ';' (for URLs, PEP 508 requires whitespace before it). */
  private static int markerStart(String s, int from) {
    boolean url = s.indexOf('@', from) >= 0 && s.substring(from).strip().startsWith("@");
    for (int j = from; j < s.length(); j++) {
      if (s.charAt(j) == ';' && (!url || j > 0 && Character.isWhitespace(s.charAt(j - 1)))) {
        return j;
      }
    }
    return -1;
  }

  String pinnedVersion() {
    return pinned(specifier);
  }

  static String pinned(String specifier) {
    if (specifier == null || specifier.contains(",")) {
      return null;
    }
    String v;
    if (specifier.startsWith("===")) {
      v = specifier.substring(3);
    } else if (specifier.startsWith("==")) {
      v = specifier.substring(2);
    } else {
      return null;
    }
    v = v.strip();
    return v.isEmpty() || v.contains("*") ? null : v;
  }

  static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
