package dev.bulwark.policy.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An SPDX licence expression ({@code MIT OR (Apache-2.0 AND BSD-3-Clause)},
 * {@code GPL-2.0-only WITH Classpath-exception-2.0}) in disjunctive normal form: a list of branches, each a
 * list of terms that must all hold. WITH binds tighter than AND, AND tighter than OR. Deprecated ids and a
 * few common free-text names are normalised ({@code GPL-2.0+} to {@code GPL-2.0-or-later},
 * {@code Apache License 2.0} to {@code Apache-2.0}).
 */
public record SpdxExpression(List<List<String>> branches) {
  private static final int MAX_BRANCHES = 256;
  private static final int MAX_TOKENS = 512;

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("apache 2.0", "Apache-2.0"), Map.entry("apache 2", "Apache-2.0"), Map.entry("apache-2", "Apache-2.0"),
      Map.entry("apache license 2.0", "Apache-2.0"), Map.entry("apache license version 2.0", "Apache-2.0"),
      Map.entry("apache software license", "Apache-2.0"), Map.entry("the apache software license version 2.0", "Apache-2.0"),
      Map.entry("apache license v2.0", "Apache-2.0"), Map.entry("asl 2.0", "Apache-2.0"), Map.entry("apache2", "Apache-2.0"),
      Map.entry("the apache license version 2.0", "Apache-2.0"),
      Map.entry("mit license", "MIT"), Map.entry("the mit license", "MIT"), Map.entry("expat", "MIT"),
      Map.entry("isc license", "ISC"), Map.entry("bsd 3-clause", "BSD-3-Clause"), Map.entry("new bsd license", "BSD-3-Clause"),
      Map.entry("bsd 3-clause license", "BSD-3-Clause"), Map.entry("the 3-clause bsd license", "BSD-3-Clause"),
      Map.entry("bsd 2-clause", "BSD-2-Clause"), Map.entry("simplified bsd license", "BSD-2-Clause"),
      Map.entry("mozilla public license 2.0", "MPL-2.0"), Map.entry("mpl 2.0", "MPL-2.0"),
      Map.entry("eclipse public license 2.0", "EPL-2.0"), Map.entry("eclipse public license 1.0", "EPL-1.0"),
      Map.entry("gnu general public license v3", "GPL-3.0-only"), Map.entry("gplv3", "GPL-3.0-only"),
      Map.entry("gnu general public license v2", "GPL-2.0-only"), Map.entry("gplv2", "GPL-2.0-only"),
      Map.entry("gnu lesser general public license v3", "LGPL-3.0-only"), Map.entry("lgplv3", "LGPL-3.0-only"),
      Map.entry("gnu lesser general public license v2.1", "LGPL-2.1-only"),
      Map.entry("gnu affero general public license v3", "AGPL-3.0-only"), Map.entry("agplv3", "AGPL-3.0-only"),
      Map.entry("public domain", "LicenseRef-public-domain"), Map.entry("unlicense", "Unlicense"),
      Map.entry("cc0", "CC0-1.0"), Map.entry("python software foundation license", "PSF-2.0"));

  private static final List<String> GNU = List.of("GPL-1.0", "GPL-2.0", "GPL-3.0", "LGPL-2.0", "LGPL-2.1", "LGPL-3.0",
      "AGPL-1.0", "AGPL-3.0", "GFDL-1.1", "GFDL-1.2", "GFDL-1.3");

  public SpdxExpression {
    branches = branches.stream().map(List::copyOf).toList();
  }

  /** Parses {@code text}; empty when it is not an expression nor a known licence name. */
  public static Optional<SpdxExpression> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    String upper = t.toUpperCase(Locale.ROOT);
    if (t.isEmpty() || upper.equals("NOASSERTION") || upper.equals("NONE") || upper.equals("UNKNOWN")) {
      return Optional.empty();
    }
    String alias = ALIASES.get(simplify(t));
    if (alias != null) {
      return Optional.of(new SpdxExpression(List.of(List.of(alias))));
    }
    List<String> tokens = tokenize(t);
    if (tokens == null || tokens.size() > MAX_TOKENS) {
      return Optional.empty();
    }
    Parser p = new Parser(tokens);
    List<List<String>> dnf = p.or();
    if (dnf == null || p.pos != tokens.size()) {
      return Optional.empty();
    }
    return Optional.of(new SpdxExpression(dnf));
  }

  /** Every licence of a component must hold: the AND of several expressions. */
  public SpdxExpression and(SpdxExpression other) {
    List<List<String>> out = product(branches, other.branches);
    return new SpdxExpression(out == null ? branches : out);
  }

  private static String simplify(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[,()]", " ").replace(" version ", " version ")
        .replaceAll("\\s+", " ").strip().replace("licence", "license");
  }

  private static List<String> tokenize(String s) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else {
        int start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '(' && s.charAt(i) != ')') {
          char d = s.charAt(i);
          if (!(Character.isLetterOrDigit(d) || d == '.' || d == '-' || d == '+' || d == ':' || d == '_')) {
            return null;
          }
          i++;
        }
        tokens.add(s.substring(start, i));
      }
    }
    return tokens;
  }

  static String normalizeId(String id) {
    for (String g : GNU) {
      if (id.equalsIgnoreCase(g)) {
        return g + "-only";
      }
      if (id.equalsIgnoreCase(g + "+")) {
        return g + "-or-later";
      }
    }
    return id;
  }

  private static List<List<String>> product(List<List<String>> a, List<List<String>> b) {
    if ((long) a.size() * b.size() > MAX_BRANCHES) {
      return null;
    }
    List<List<String>> out = new ArrayList<>();
    for (List<String> x : a) {
      for (List<String> y : b) {
        List<String> both = new ArrayList<>(x);
        for (String t : y) {
          if (!both.contains(t)) {
            both.add(t);
          }
        }
        out.add(both);
      }
    }
    return out;
  }

  private static final class Parser {
    final List<String> tokens;
    int pos;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    boolean isOp(String op) {
      return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(op);
    }

    List<List<String>> or() {
      List<List<String>> left = and();
      while (left != null && isOp("OR")) {
        pos++;
        List<List<String>> right = and();
        if (right == null || left.size() + right.size() > MAX_BRANCHES) {
          return null;
        }
        List<List<String>> both = new ArrayList<>(left);
        both.addAll(right);
        left = both;
      }
      return left;
    }

    List<List<String>> and() {
      List<List<String>> left = with();
      while (left != null && isOp("AND")) {
        pos++;
        List<List<String>> right = with();
        if (right == null) {
          return null;
        }
        left = product(left, right);
      }
      return left;
    }

    List<List<String>> with() {
      if (pos >= tokens.size()) {
        return null;
      }
      String t = tokens.get(pos);
      if (t.equals("(")) {
        pos++;
        List<List<String>> inner = or();
        if (inner == null || pos >= tokens.size() || !tokens.get(pos).equals(")")) {
          return null;
        }
        pos++;
        return inner;
      }
      if (t.equals(")") || isKeyword(t)) {
        return null;
      }
      pos++;
      String term = normalizeId(t);
      if (isOp("WITH")) {
        pos++;
        if (pos >= tokens.size() || isKeyword(tokens.get(pos)) || tokens.get(pos).equals("(") || tokens.get(pos).equals(")")) {
          return null;
        }
        term = term + " WITH " + tokens.get(pos++);
      }
      return new ArrayList<>(List.of(new ArrayList<>(List.of(term))));
    }

    static boolean isKeyword(String t) {
      return t.equalsIgnoreCase("AND") || t.equalsIgnoreCase("OR") || t.equalsIgnoreCase("WITH");
    }
  }
}
