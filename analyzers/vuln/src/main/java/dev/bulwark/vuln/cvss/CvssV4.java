package dev.bulwark.vuln.cvss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CVSS v4.0 scoring as the FIRST specification (section 8) defines it: the vector's macrovector (EQ1 to
 * EQ6) gives a base value from the specification's lookup table, then the score moves down by the mean
 * proportional distance to the next lower macrovectors, according to how far the vector sits below the
 * macrovector's highest-severity vectors. Threat and environmental metrics are honoured; supplemental
 * metrics do not change the score.
 */
public final class CvssV4 {

  private static final Map<String, Double> LOOKUP = loadLookup();
  private static final List<String> BASE = List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");
  private static final Map<String, List<String>> ALLOWED = allowed();

  // Highest-severity vectors of each EQ level (specification table 24), as metric:value lists.
  private static final String[][] EQ1_MAX = {{"AV:N/PR:N/UI:N"}, {"AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"},
      {"AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"}};
  private static final String[][] EQ2_MAX = {{"AC:L/AT:N"}, {"AC:H/AT:N", "AC:L/AT:P"}};
  private static final String[][][] EQ3EQ6_MAX = {
      {{"VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"}, {"VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"}},
      {{"VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"},
          {"VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
              "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"}},
      {{}, {"VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"}}};
  private static final String[][] EQ4_MAX = {{"SC:H/SI:S/SA:S"}, {"SC:H/SI:H/SA:H"}, {"SC:L/SI:L/SA:L"}};
  // Depth of each EQ level in severity-distance steps (specification table 25).
  private static final int[] EQ1_DEPTH = {1, 4, 5};
  private static final int[] EQ2_DEPTH = {1, 2};
  private static final int[][] EQ3EQ6_DEPTH = {{7, 6}, {8, 8}, {0, 10}};
  private static final int[] EQ4_DEPTH = {6, 5, 4};

  private CvssV4() {}

  /** The base (or, with threat/environmental metrics, the overall) score of a {@code CVSS:4.0/...} vector. */
  public static double score(String vector) {
    Map<String, String> m = parse(vector);
    if (List.of("VC", "VI", "VA", "SC", "SI", "SA").stream().allMatch(k -> effective(m, k).equals("N"))) {
      return 0.0;
    }
    int eq1 = eq1(m);
    int eq2 = eq(m, "AC").equals("L") && eq(m, "AT").equals("N") ? 0 : 1;
    String vc = eq(m, "VC"), vi = eq(m, "VI"), va = eq(m, "VA");
    int eq3 = vc.equals("H") && vi.equals("H") ? 0 : (vc.equals("H") || vi.equals("H") || va.equals("H")) ? 1 : 2;
    String si = eq(m, "SI"), sa = eq(m, "SA");
    int eq4 = si.equals("S") || sa.equals("S") ? 0
        : (eq(m, "SC").equals("H") || si.equals("H") || sa.equals("H")) ? 1 : 2;
    String e = eq(m, "E");
    int eq5 = e.equals("A") ? 0 : e.equals("P") ? 1 : 2;
    int eq6 = (eq(m, "CR").equals("H") && vc.equals("H")) || (eq(m, "IR").equals("H") && vi.equals("H"))
        || (eq(m, "AR").equals("H") && va.equals("H")) ? 0 : 1;

    double value = LOOKUP.get(key(eq1, eq2, eq3, eq4, eq5, eq6));
    double lower1 = lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
    double lower2 = lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
    double lower36;
    if (eq3 == 0 && eq6 == 0) {
      lower36 = Math.max(lookup(eq1, eq2, eq3, eq4, eq5, 1), lookup(eq1, eq2, 1, eq4, eq5, eq6));
    } else if (eq3 == 1 && eq6 == 0) {
      lower36 = lookup(eq1, eq2, eq3, eq4, eq5, 1);
    } else if (eq3 == 2 && eq6 == 1) {
      lower36 = Double.NaN;
    } else {
      lower36 = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
    }
    double lower4 = lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
    double lower5 = lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

    Map<String, Double> distance = distances(m, eq1, eq2, eq3, eq4, eq6);
    double d1 = distance.get("AV") + distance.get("PR") + distance.get("UI");
    double d2 = distance.get("AC") + distance.get("AT");
    double d36 = distance.get("VC") + distance.get("VI") + distance.get("VA") + distance.get("CR") + distance.get("IR")
        + distance.get("AR");
    double d4 = distance.get("SC") + distance.get("SI") + distance.get("SA");

    double step = 0.1;
    double sum = 0;
    int existing = 0;
    double[][] parts = {
        {value - lower1, d1, EQ1_DEPTH[eq1] * step},
        {value - lower2, d2, EQ2_DEPTH[eq2] * step},
        {value - lower36, d36, EQ3EQ6_DEPTH[eq3][eq6] * step},
        {value - lower4, d4, EQ4_DEPTH[eq4] * step}};
    for (double[] p : parts) {
      if (!Double.isNaN(p[0])) {
        existing++;
        sum += p[0] * (p[1] / p[2]);
      }
    }
    if (!Double.isNaN(value - lower5)) {
      existing++; // EQ5 has a single depth level: it counts but never moves the score
    }
    double mean = existing == 0 ? 0 : sum / existing;
    double score = Math.max(0, Math.min(10, value - mean));
    return Math.round(score * 10 + 1e-9) / 10.0;
  }

  private static int eq1(Map<String, String> m) {
    String av = eq(m, "AV"), pr = eq(m, "PR"), ui = eq(m, "UI");
    if (av.equals("N") && pr.equals("N") && ui.equals("N")) return 0;
    if ((av.equals("N") || pr.equals("N") || ui.equals("N")) && !av.equals("P")) return 1;
    return 2;
  }

  /** Per-metric distances from the first highest-severity vector of the macrovector that the vector does not exceed. */
  private static Map<String, Double> distances(Map<String, String> m, int eq1, int eq2, int eq3, int eq4, int eq6) {
    for (String a : EQ1_MAX[eq1]) {
      for (String b : EQ2_MAX[eq2]) {
        for (String c : EQ3EQ6_MAX[eq3][eq6]) {
          for (String d : EQ4_MAX[eq4]) {
            Map<String, Double> dist = new HashMap<>();
            boolean ok = true;
            for (String part : (a + "/" + b + "/" + c + "/" + d).split("/")) {
              String metric = part.substring(0, part.indexOf(':'));
              String max = part.substring(part.indexOf(':') + 1);
              double dd = level(metric, eq(m, metric)) - level(metric, max);
              if (dd < -1e-9) {
                ok = false;
                break;
              }
              dist.put(metric, dd);
            }
            if (ok) return dist;
          }
        }
      }
    }
    throw new IllegalStateException("no highest-severity vector below " + m);
  }

  private static double level(String metric, String value) {
    return switch (metric) {
      case "AV" -> switch (value) { case "N" -> 0.0; case "A" -> 0.1; case "L" -> 0.2; default -> 0.3; };
      case "PR" -> switch (value) { case "N" -> 0.0; case "L" -> 0.1; default -> 0.2; };
      case "UI" -> switch (value) { case "N" -> 0.0; case "P" -> 0.1; default -> 0.2; };
      case "AC" -> value.equals("L") ? 0.0 : 0.1;
      case "AT" -> value.equals("N") ? 0.0 : 0.1;
      case "VC", "VI", "VA" -> switch (value) { case "H" -> 0.0; case "L" -> 0.1; default -> 0.2; };
      case "SC", "SI", "SA" -> switch (value) { case "S" -> 0.0; case "H" -> 0.1; case "L" -> 0.2; default -> 0.3; };
      case "CR", "IR", "AR" -> switch (value) { case "H" -> 0.0; case "M" -> 0.1; default -> 0.2; };
      default -> throw new IllegalArgumentException("no severity level for " + metric);
    };
  }

  /** The value scoring uses: the modified metric when set, the defaults for X (E:A, CR/IR/AR:H). */
  private static String eq(Map<String, String> m, String metric) {
    return effective(m, metric);
  }

  private static String effective(Map<String, String> m, String metric) {
    String modified = m.get("M" + metric);
    if (modified != null && !modified.equals("X")) {
      return modified;
    }
    String v = m.get(metric);
    if (v == null || v.equals("X")) {
      return switch (metric) {
        case "E" -> "A";
        case "CR", "IR", "AR" -> "H";
        default -> throw new IllegalArgumentException("missing metric " + metric);
      };
    }
    return v;
  }

  private static double lookup(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
    Double v = LOOKUP.get(key(eq1, eq2, eq3, eq4, eq5, eq6));
    return v == null ? Double.NaN : v;
  }

  private static String key(int... eqs) {
    StringBuilder b = new StringBuilder(6);
    for (int e : eqs) b.append(e);
    return b.toString();
  }

  /** Parses and validates a vector; throws {@link IllegalArgumentException} naming the problem. */
  static Map<String, String> parse(String vector) {
    String v = vector.trim();
    if (!v.startsWith("CVSS:4.0/")) {
      throw new IllegalArgumentException("not a CVSS v4.0 vector: " + vector);
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String part : v.substring("CVSS:4.0/".length()).split("/")) {
      int colon = part.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("malformed metric '" + part + "' in " + vector);
      }
      String k = part.substring(0, colon);
      String val = part.substring(colon + 1);
      List<String> allowed = ALLOWED.get(k);
      if (allowed == null || !allowed.contains(val)) {
        throw new IllegalArgumentException("invalid metric '" + part + "' in " + vector);
      }
      if (m.put(k, val) != null) {
        throw new IllegalArgumentException("metric " + k + " repeated in " + vector);
      }
    }
    for (String k : BASE) {
      if (!m.containsKey(k)) {
        throw new IllegalArgumentException("base metric " + k + " missing in " + vector);
      }
    }
    return m;
  }

  private static Map<String, List<String>> allowed() {
    Map<String, List<String>> a = new HashMap<>();
    a.put("AV", List.of("N", "A", "L", "P"));
    a.put("AC", List.of("L", "H"));
    a.put("AT", List.of("N", "P"));
    a.put("PR", List.of("N", "L", "H"));
    a.put("UI", List.of("N", "P", "A"));
    for (String k : List.of("VC", "VI", "VA", "SC")) a.put(k, List.of("H", "L", "N"));
    for (String k : List.of("SI", "SA")) a.put(k, List.of("H", "L", "N"));
    a.put("E", List.of("X", "A", "P", "U"));
    for (String k : List.of("CR", "IR", "AR")) a.put(k, List.of("X", "H", "M", "L"));
    a.put("MAV", List.of("X", "N", "A", "L", "P"));
    a.put("MAC", List.of("X", "L", "H"));
    a.put("MAT", List.of("X", "N", "P"));
    a.put("MPR", List.of("X", "N", "L", "H"));
    a.put("MUI", List.of("X", "N", "P", "A"));
    for (String k : List.of("MVC", "MVI", "MVA", "MSC")) a.put(k, List.of("X", "H", "L", "N"));
    for (String k : List.of("MSI", "MSA")) a.put(k, List.of("X", "S", "H", "L", "N"));
    a.put("S", List.of("X", "N", "P"));
    a.put("AU", List.of("X", "N", "Y"));
    a.put("R", List.of("X", "A", "U", "I"));
    a.put("V", List.of("X", "D", "C"));
    a.put("RE", List.of("X", "L", "M", "H"));
    a.put("U", List.of("X", "Clear", "Green", "Amber", "Red"));
    return Map.copyOf(a);
  }

  private static Map<String, Double> loadLookup() {
    Map<String, Double> table = new HashMap<>();
    try (InputStream in = CvssV4.class.getResourceAsStream("cvss4-macrovectors.txt")) {
      if (in == null) {
        throw new IllegalStateException("cvss4-macrovectors.txt missing from the jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] kv = line.trim().split(" ");
        table.put(kv[0], Double.parseDouble(kv[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (table.size() != 270) {
      throw new IllegalStateException("CVSS v4 lookup table has " + table.size() + " entries, expected 270");
    }
    return Map.copyOf(table);
  }
}
