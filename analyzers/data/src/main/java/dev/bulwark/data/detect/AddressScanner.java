package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Street addresses: a house number followed within a few words by a street type ("221B Baker Street",
 * "12 rue de la Paix"), a street word ending in a street type followed by a number ("Koskikatu 25",
 * "Hauptstraße 5"), or any number-led phrase after an address cue ("I live at ..."). The span runs to the
 * end of the line or sentence, bounded to 100 characters.
 */
final class AddressScanner {

  private static final Set<String> STREET_TYPES = Set.of("street", "st", "avenue", "ave", "av", "avda", "road", "rd",
      "lane", "ln", "boulevard", "blvd", "drive", "dr", "court", "ct", "place", "pl", "way", "terrace", "square",
      "sq", "parkway", "pkwy", "highway", "hwy", "circle", "cir", "alley", "crescent", "close", "row", "walk",
      "rue", "via", "calle", "rua", "strasse", "straße", "str", "gasse", "weg", "platz", "allee", "laan", "straat",
      "plein", "gracht", "vej", "gade", "gatan", "gata", "vegen", "veien", "katu", "tie", "kuja", "ulica", "ul",
      "utca", "tér", "piazza", "viale", "corso", "largo", "travessa", "avenida", "camino", "paseo", "carrer");
  private static final List<String> SUFFIXES = List.of("strasse", "straße", "gasse", "weg", "laan", "straat",
      "vej", "gade", "gatan", "vegen", "veien", "katu", "kuja", "tie", "utca", "allee", "platz");
  private static final List<String> CUES = List.of("address is ", "address: ", "address:\n", "live at ", "lives at ",
      "live in ", "lives in ", "live on ", "lives on ", "located at ", "moved to ", "ship to ", "deliver to ",
      "meet me at ", "is at ", "reside at ");

  private AddressScanner() {}

  static void scan(CharSequence t, List<Detection> out) {
    String lower = t.toString().toLowerCase(Locale.ROOT);
    if (lower.length() != t.length()) {
      return; // case mapping changed the length (rare scripts): offsets would not line up
    }
    int n = t.length();
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      if (NumericScanner.isDigit(c) && TextDetector.boundaryBefore(t, i)) {
        int e = numberLed(t, lower, i);
        if (e > i) {
          out.add(new Detection(PiiEntity.STREET_ADDRESS, i, e,
              TextDetector.withContext(PiiEntity.STREET_ADDRESS, 0.6, t, i, e)));
          i = e;
          continue;
        }
      }
      if (Character.isLetter(c) && TextDetector.boundaryBefore(t, i)) {
        for (String cue : CUES) {
          if (lower.startsWith(cue, i)) {
            int s = i + cue.length();
            int e = lineEnd(t, s);
            if (e > s && hasDigit(t, s, e) && Character.isLetterOrDigit(t.charAt(s))) {
              out.add(new Detection(PiiEntity.STREET_ADDRESS, s, e, 0.8));
            }
          }
        }
        int w = i;
        while (w < n && Character.isLetter(t.charAt(w))) {
          w++;
        }
        String word = lower.substring(i, w);
        if (w + 1 < n && t.charAt(w) == ' ' && NumericScanner.isDigit(t.charAt(w + 1)) && Character.isUpperCase(c)
            && word.length() > 5 && endsWithStreetSuffix(word)) {
          int e = lineEnd(t, w);
          out.add(new Detection(PiiEntity.STREET_ADDRESS, i, e, TextDetector.withContext(PiiEntity.STREET_ADDRESS, 0.6, t, i, e)));
        }
        i = Math.max(i, w - 1);
      }
    }
  }

  /** Whether a street address ("17 2202 Rissik St") starts at {@code s}. */
  static boolean startsAddress(CharSequence t, int s) {
    int to = Math.min(t.length(), s + 120);
    return numberLed(t, t.subSequence(0, to).toString().toLowerCase(Locale.ROOT), s) > 0;
  }

  /** "123 Main Street..." : the end of the address, or -1. */
  private static int numberLed(CharSequence t, String lower, int s) {
    int n = t.length();
    int i = s;
    while (i < n && i - s < 6 && (NumericScanner.isDigit(t.charAt(i)))) {
      i++;
    }
    if (i < n && Character.isLetter(t.charAt(i)) && (i + 1 >= n || t.charAt(i + 1) == ' ')) {
      i++;
    }
    if (i >= n || t.charAt(i) != ' ') {
      return -1;
    }
    for (int word = 0; word < 6 && i < n && t.charAt(i) == ' '; word++) {
      int w = i + 1;
      while (w < n && (Character.isLetterOrDigit(t.charAt(w)) || t.charAt(w) == '.' || t.charAt(w) == '\'')) {
        w++;
      }
      if (w == i + 1) {
        return -1;
      }
      String token = lower.substring(i + 1, w);
      String bare = token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
      if (word > 0 && STREET_TYPES.contains(bare) || endsWithStreetSuffix(bare) && bare.length() > 5) {
        return lineEnd(t, w);
      }
      i = w;
    }
    return -1;
  }

  private static boolean endsWithStreetSuffix(String word) {
    for (String s : SUFFIXES) {
      if (word.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  /** End of the line or sentence, at most 100 characters on. */
  private static int lineEnd(CharSequence t, int from) {
    int n = Math.min(t.length(), from + 100);
    int i = from;
    while (i < n) {
      char c = t.charAt(i);
      if (c == '\n' || c == ';' || (c == '.' && (i + 1 >= t.length() || t.charAt(i + 1) == ' ' || t.charAt(i + 1) == '\n')
          && i > 0 && !Character.isUpperCase(t.charAt(i - 1)) && !Character.isLetter(t.charAt(i - 1)) )) {
        break;
      }
      i++;
    }
    while (i > from && (t.charAt(i - 1) == ' ' || t.charAt(i - 1) == ',')) {
      i--;
    }
    return i;
  }

  private static boolean hasDigit(CharSequence t, int s, int e) {
    for (int i = s; i < e; i++) {
      if (NumericScanner.isDigit(t.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A column value shaped like a street address: a number and a street type or suffix word. */
  static boolean looksLikeAddress(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    boolean digit = false;
    for (int i = 0; i < lower.length(); i++) {
      digit |= NumericScanner.isDigit(lower.charAt(i));
    }
    if (!digit || lower.length() > 200) {
      return false;
    }
    int i = 0;
    int n = lower.length();
    while (i < n) {
      while (i < n && !Character.isLetter(lower.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < n && Character.isLetter(lower.charAt(i))) {
        i++;
      }
      String w = lower.substring(s, i);
      if (!w.isEmpty() && (STREET_TYPES.contains(w) || (w.length() > 5 && endsWithStreetSuffix(w)))) {
        return true;
      }
    }
    return false;
  }
}
