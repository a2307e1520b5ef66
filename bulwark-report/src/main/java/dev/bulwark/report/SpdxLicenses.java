package dev.bulwark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells SPDX licence ids, SPDX expressions and free-text licence names apart. The id list is the one
 * cyclonedx-core-java ships ({@code spdx.schema.json}), so CycloneDX output always validates.
 */
final class SpdxLicenses {

  enum Kind { ID, EXPRESSION, NAME }

  private static final Map<String, String> IDS = load();

  private SpdxLicenses() {}

  private static Map<String, String> load() {
    try (InputStream in = SpdxLicenses.class.getClassLoader().getResourceAsStream("spdx.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("spdx.schema.json missing from cyclonedx-core-java");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, String> ids = new HashMap<>();
      for (JsonNode id : root.get("enum")) {
        ids.put(id.asText().toLowerCase(Locale.ROOT), id.asText());
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The canonical spelling of an SPDX licence id, any case accepted. */
  static Optional<String> id(String text) {
    return Optional.ofNullable(IDS.get(text.trim().toLowerCase(Locale.ROOT)));
  }

  static Kind kind(String text) {
    String t = text.trim();
    if (id(t).isPresent()) {
      return Kind.ID;
    }
    if (looksLikeExpression(t)) {
      return Kind.EXPRESSION;
    }
    return Kind.NAME;
  }

  /** An expression with upper-case operators and canonically spelled ids. */
  static String normalizeExpression(String t) {
    StringBuilder b = new StringBuilder();
    for (String word : t.trim().replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) {
      String w = switch (word) {
        case "and", "or", "with" -> word.toUpperCase(Locale.ROOT);
        default -> {
          boolean plus = word.endsWith("+");
          String base = plus ? word.substring(0, word.length() - 1) : word;
          yield id(base).orElse(base) + (plus ? "+" : "");
        }
      };
      if (b.length() > 0 && !w.equals(")") && b.charAt(b.length() - 1) != '(') {
        b.append(' ');
      }
      b.append(w);
    }
    return b.toString();
  }

  /** The expression in parentheses, unless one pair already encloses all of it. */
  static String grouped(String e) {
    if (e.startsWith("(") && e.endsWith(")")) {
      int depth = 0;
      for (int i = 0; i < e.length(); i++) {
        depth += e.charAt(i) == '(' ? 1 : e.charAt(i) == ')' ? -1 : 0;
        if (depth == 0 && i < e.length() - 1) {
          return "(" + e + ")";
        }
      }
      return e;
    }
    return "(" + e + ")";
  }

  /**
   * An expression joins SPDX ids (or {@code LicenseRef-}s) with AND, OR, WITH and parentheses; every
   * other word makes it a free-text name (e.g. "SEE LICENSE IN LICENSE.txt").
   */
  private static boolean looksLikeExpression(String t) {
    if (t.startsWith("LicenseRef-")) {
      return t.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '.');
    }
    String spaced = t.replace("(", " ( ").replace(")", " ) ");
    boolean operator = false;
    int depth = 0;
    for (String word : spaced.trim().split("\\s+")) {
      switch (word) {
        case "AND", "OR", "WITH", "and", "or", "with" -> operator = true;
        case "(" -> depth++;
        case ")" -> {
          if (--depth < 0) {
            return false;
          }
        }
        default -> {
          String w = word.endsWith("+") ? word.substring(0, word.length() - 1) : word;
          boolean ok = id(w).isPresent() || w.startsWith("LicenseRef-") || w.startsWith("DocumentRef-")
              || w.endsWith("-exception") || w.startsWith("Classpath") || w.contains("exception");
          if (!ok) {
            return false;
          }
        }
      }
    }
    return operator && depth == 0 || t.startsWith("(") && depth == 0 && !spaced.isBlank();
  }
}
