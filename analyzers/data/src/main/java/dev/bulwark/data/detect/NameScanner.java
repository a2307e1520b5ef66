package dev.bulwark.data.detect;

import dev.bulwark.data.PiiEntity;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Person names led by a cue: a title ({@code Mr.}, {@code Dr}), or a phrase such as "my name is",
 * "Name:", "called", "signed". Free-standing capitalised words without a cue are not reported: without
 * a language model they are as often places and organisations. Column values are judged by
 * {@link #looksLikeName(String)} together with column-name evidence.
 */
final class NameScanner {

  private static final List<String> TITLES = List.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam",
      "mister", "herr", "frau", "mme", "mlle", "sr", "sra");
  private static final List<String> PHRASES = List.of("my name is ", "name is ", "name: ", "name:\n", "named ",
      "called ", "signed ", "user: ", "customer: ", "patient: ", "i'm ", "i am ", "dear ", "regards,\n", "from: ",
      "to: ", "contact: ", "employee: ", "author: ");
  private static final Set<String> PARTICLES = Set.of("de", "da", "van", "von", "der", "den", "del", "della", "di",
      "du", "la", "le", "bin", "ibn", "al", "y", "dos", "das", "ter", "ten");

  private NameScanner() {}

  static void scan(CharSequence t, List<Detection> out, boolean hasUpper) {
    String lower = t.toString().toLowerCase(Locale.ROOT);
    if (lower.length() != t.length()) {
      return; // case mapping changed the length (rare scripts): offsets would not line up
    }
    int n = t.length();
    for (int i = 0; i < n; i++) {
      if (!TextDetector.boundaryBefore(t, i) || !Character.isLetter(t.charAt(i))) {
        continue;
      }
      for (String title : hasUpper ? TITLES : List.<String>of()) {
        if (lower.startsWith(title, i)) {
          int j = i + title.length();
          if (j < n && t.charAt(j) == '.') {
            j++;
          }
          if (j < n && t.charAt(j) == ' ' && Character.isUpperCase(t.charAt(i))) {
            emit(t, j + 1, 0.7, out, false);
          }
        }
      }
      for (String p : PHRASES) {
        if (lower.startsWith(p, i)) {
          emit(t, i + p.length(), p.startsWith("i") || p.startsWith("dear") ? 0.55 : 0.75, out,
              p.contains("name is") || p.contains("called") || p.contains("named"));
        }
      }
    }
  }

  /** Takes 1 to 4 capitalised words (particles allowed inside) from {@code s}. */
  private static void emit(CharSequence t, int s, double confidence, List<Detection> out, boolean lowerOk) {
    int n = t.length();
    int i = s;
    while (i < n && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
      i++;
    }
    int start = i;
    int end = i;
    int words = 0;
    while (i < n && words < 4) {
      int w = i;
      while (w < n && (Character.isLetter(t.charAt(w)) || t.charAt(w) == '\'' || t.charAt(w) == '-') && w - i < 30) {
        w++;
      }
      if (w == i) {
        break;
      }
      String word = t.subSequence(i, w).toString();
      boolean cap = Character.isUpperCase(word.charAt(0));
      boolean initial = word.length() == 1 && cap && w < n && t.charAt(w) == '.';
      if (initial) {
        w++;
      }
      if (!(cap || (lowerOk && words == 0 ? isPlainWord(word) : PARTICLES.contains(word) && words > 0))) {
        break;
      }
      if (!cap && !PARTICLES.contains(word) && !lowerOk) {
        break;
      }
      words++;
      end = w;
      if (w < n && t.charAt(w) == ' ' && w + 1 < n && Character.isLetter(t.charAt(w + 1))) {
        i = w + 1;
      } else {
        break;
      }
    }
    if (words > 0 && end > start) {
      out.add(new Detection(PiiEntity.PERSON, start, end, confidence));
    }
  }

  private static boolean isPlainWord(String w) {
    return w.length() >= 2 && !Set.of("a", "an", "the", "not", "going", "sorry", "here", "so", "very", "just")
        .contains(w.toLowerCase(Locale.ROOT));
  }

  /** A column value shaped like a person's name: 1 to 5 letter words, the first capitalised, no digits. */
  /**
   * Stricter than {@link #looksLikeName}: two to four words, each a capital followed by lower-case letters
   * (apostrophes and hyphens inside, "O'Neil", "Mary-Jane") or an initial ("J."), and no all-capital acronym.
   */
  private static final java.util.Set<String> ORGANISATION_WORDS = java.util.Set.of("center", "centre", "project",
      "products", "operations", "institute", "university", "agency", "service", "services", "office", "department",
      "company", "inc", "ltd", "llc", "corporation", "corp", "group", "laboratory", "association", "foundation",
      "council", "bureau", "administration", "organization", "organisation", "network", "system", "systems",
      "international", "national", "center's", "team", "club", "society", "school", "college", "hospital", "bank");

  static boolean looksLikePersonName(String v) {
    if (v.length() > 80) {
      return false;
    }
    String[] words = v.strip().split("[ ,]+");
    if (words.length < 2 || words.length > 4) {
      return false;
    }
    for (String w : words) {
      if (ORGANISATION_WORDS.contains(w.toLowerCase(java.util.Locale.ROOT))) {
        return false;
      }
      boolean initial = w.length() == 2 && Character.isUpperCase(w.charAt(0)) && w.charAt(1) == '.';
      if (!initial && !w.matches("\\p{Lu}\\p{Ll}+(?:['-]\\p{Lu}?\\p{Ll}+)*")) {
        return false;
      }
    }
    return true;
  }

  static boolean looksLikeName(String v) {
    String s = v.strip();
    if (s.length() < 2 || s.length() > 80) {
      return false;
    }
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        if (!inWord) {
          words++;
          inWord = true;
        }
      } else if (c == ' ' || c == ',') {
        inWord = false;
      } else if (c != '\'' && c != '-' && c != '.') {
        return false;
      }
    }
    return words >= 1 && words <= 5 && Character.isUpperCase(s.charAt(0));
  }
}
