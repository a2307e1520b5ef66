package dev.bulwark.sbom.internal;

import java.util.Locale;

/** PEP 503 name normalisation: lower case, runs of {@code -_.} become one {@code -}. */
public final class Pep503 {

  private Pep503() {}

  public static String normalize(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean sep = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        sep = true;
        continue;
      }
      if (sep && b.length() > 0) {
        b.append('-');
      }
      sep = false;
      b.append(c);
    }
    return b.toString().toLowerCase(Locale.ROOT).trim();
  }
}
