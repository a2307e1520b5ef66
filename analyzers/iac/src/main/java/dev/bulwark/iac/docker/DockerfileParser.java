package dev.bulwark.iac.docker;

import dev.bulwark.iac.shell.ShellParser;
import dev.bulwark.policy.ImageRef;
import dev.bulwark.policy.yaml.Pos;
import dev.bulwark.policy.yaml.Positions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a Dockerfile into plain maps for the checks, with the line and column of each instruction: parser
 * directives ({@code # syntax=}, {@code # escape=}), line continuations (with comment and blank lines
 * inside them), heredocs ({@code <<EOF}, {@code <<-EOF}, quoted delimiters, several per line), exec (JSON)
 * and shell forms, flags ({@code --platform=}, {@code --mount=}), {@code ENV}/{@code ARG}/{@code LABEL}
 * pairs, and build stages with their base image, the stage they build on and the effective user.
 * Nothing is executed; work is linear in the text and bounded by {@link #MAX_INSTRUCTIONS}.
 */
public final class DockerfileParser {
  public static final int MAX_INSTRUCTIONS = 20_000;

  private DockerfileParser() {}

  /** The parse result: {@code dockerfile} map (directives, stages, instructions) and node positions. */
  public record Parsed(Map<String, Object> dockerfile, Positions positions) {}

  public static Parsed parse(String text) throws DockerfileException {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    Positions positions = new Positions();
    Map<String, Object> directives = new LinkedHashMap<>();
    char escape = '\\';
    int i = 0;
    while (i < lines.length) {
      String d = directive(lines[i]);
      if (d == null) {
        break;
      }
      int eq = d.indexOf('=');
      String key = d.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = d.substring(eq + 1).strip();
      if (directives.containsKey(key)) {
        break;
      }
      directives.put(key, value);
      if (key.equals("escape") && value.equals("`")) {
        escape = '`';
      }
      i++;
    }
    List<Object> instructions = new ArrayList<>();
    while (i < lines.length) {
      String line = lines[i];
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        i++;
        continue;
      }
      if (instructions.size() >= MAX_INSTRUCTIONS) {
        throw new DockerfileException(i + 1, "more than " + MAX_INSTRUCTIONS + " instructions");
      }
      int startLine = i + 1;
      int column = indexOfNonSpace(line) + 1;
      StringBuilder buf = new StringBuilder();
      String cur = line.substring(column - 1);
      while (true) {
        String r = stripTrailing(cur);
        if (!r.isEmpty() && r.charAt(r.length() - 1) == escape && i + 1 < lines.length) {
          buf.append(r, 0, r.length() - 1);
          i++;
          while (i < lines.length && (lines[i].strip().startsWith("#") || lines[i].isBlank()) && i + 1 < lines.length) {
            i++;
          }
          cur = lines[i];
        } else {
          buf.append(cur);
          break;
        }
      }
      int endLine = i + 1;
      String full = buf.toString();
      int sp = 0;
      while (sp < full.length() && !Character.isWhitespace(full.charAt(sp))) {
        sp++;
      }
      String keyword = full.substring(0, sp);
      String rest = full.substring(sp).strip();
      Map<String, Object> ins = new LinkedHashMap<>();
      ins.put("cmd", keyword.toUpperCase(Locale.ROOT));
      ins.put("line", (long) startLine);
      ins.put("column", (long) column);
      List<Object> heredocs = new ArrayList<>();
      String cmd = keyword.toUpperCase(Locale.ROOT);
      if (cmd.equals("RUN") || cmd.equals("COPY") || cmd.equals("ADD")) {
        for (String[] h : heredocMarkers(rest)) {
          StringBuilder body = new StringBuilder();
          int bodyLine = i + 2;
          i++;
          while (i < lines.length) {
            String l = h[1].equals("-") ? lines[i].replaceFirst("^\t+", "") : lines[i];
            if (l.equals(h[0]) || l.stripTrailing().equals(h[0])) {
              break;
            }
            body.append(lines[i]).append('\n');
            i++;
          }
          if (i >= lines.length) {
            throw new DockerfileException(bodyLine - 1, "heredoc <<" + h[0] + " is not terminated");
          }
          Map<String, Object> hd = new LinkedHashMap<>();
          hd.put("name", h[0]);
          hd.put("body", body.toString());
          hd.put("line", (long) bodyLine);
          heredocs.add(hd);
          endLine = i + 1;
        }
      }
      ins.put("endLine", (long) endLine);
      Map<String, Object> flags = new LinkedHashMap<>();
      rest = flags(rest, flags);
      ins.put("flags", flags);
      ins.put("args", rest);
      List<String> exec = execForm(rest);
      ins.put("exec", exec != null);
      ins.put("argv", exec != null ? exec : words(rest));
      ins.put("heredocs", heredocs);
      StringBuilder script = new StringBuilder(exec != null ? String.join(" ", exec) : rest);
      for (Object h : heredocs) {
        script.append('\n').append(((Map<?, ?>) h).get("body"));
      }
      ins.put("script", script.toString());
      ins.put("commands", cmd.equals("RUN") ? ShellParser.parse(script.toString()) : List.of());
      ins.put("pairs", cmd.equals("ENV") || cmd.equals("ARG") || cmd.equals("LABEL") ? pairs(rest, cmd) : List.of());
      positions.node(ins, new Pos(startLine, column));
      instructions.add(ins);
      i++;
    }
    return new Parsed(StageBuilder.build(directives, instructions, positions), positions);
  }

  private static String directive(String line) {
    String t = line.strip();
    if (!t.startsWith("#")) {
      return null;
    }
    String body = t.substring(1).strip();
    int eq = body.indexOf('=');
    if (eq <= 0) {
      return null;
    }
    String key = body.substring(0, eq).strip();
    for (int k = 0; k < key.length(); k++) {
      if (!Character.isLetter(key.charAt(k))) {
        return null;
      }
    }
    return body;
  }

  private static int indexOfNonSpace(String s) {
    int k = 0;
    while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
      k++;
    }
    return k;
  }

  private static String stripTrailing(String s) {
    return s.stripTrailing();
  }

  /** Heredoc markers in order: {delimiter, "-" or ""}. */
  static List<String[]> heredocMarkers(String rest) {
    List<String[]> out = new ArrayList<>();
    int k = 0;
    while ((k = rest.indexOf("<<", k)) >= 0) {
      int p = k + 2;
      if (p < rest.length() && rest.charAt(p) == '<') {
        k = p + 1;
        continue;
      }
      String dash = "";
      if (p < rest.length() && rest.charAt(p) == '-') {
        dash = "-";
        p++;
      }
      char quote = p < rest.length() && (rest.charAt(p) == '"' || rest.charAt(p) == '\'') ? rest.charAt(p) : 0;
      if (quote != 0) {
        p++;
      }
      int s = p;
      while (p < rest.length() && (Character.isLetterOrDigit(rest.charAt(p)) || rest.charAt(p) == '_')) {
        p++;
      }
      if (p > s && !Character.isDigit(rest.charAt(s)) && (quote == 0 || (p < rest.length() && rest.charAt(p) == quote))) {
        out.add(new String[] {rest.substring(s, p), dash});
      }
      k = Math.max(p, k + 2);
    }
    return out;
  }

  private static String flags(String rest, Map<String, Object> flags) {
    String r = rest;
    while (r.startsWith("--")) {
      int end = 0;
      boolean inQuote = false;
      while (end < r.length() && (inQuote || !Character.isWhitespace(r.charAt(end)))) {
        if (r.charAt(end) == '"') {
          inQuote = !inQuote;
        }
        end++;
      }
      String flag = r.substring(2, end);
      int eq = flag.indexOf('=');
      String name = eq < 0 ? flag : flag.substring(0, eq);
      String value = eq < 0 ? "true" : flag.substring(eq + 1);
      Object prev = flags.get(name);
      flags.put(name, prev == null ? value : prev + "," + value);
      r = r.substring(end).strip();
    }
    return r;
  }

  static List<String> execForm(String rest) {
    String t = rest.strip();
    if (!t.startsWith("[") || !t.endsWith("]")) {
      return null;
    }
    List<String> out = new ArrayList<>();
    int i = 1;
    int n = t.length() - 1;
    while (true) {
      while (i < n && Character.isWhitespace(t.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return out;
      }
      if (t.charAt(i) != '"') {
        return null;
      }
      StringBuilder b = new StringBuilder();
      i++;
      while (i < n && t.charAt(i) != '"') {
        char c = t.charAt(i);
        if (c == '\\' && i + 1 < n) {
          char e = t.charAt(i + 1);
          switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'u' -> {
              if (i + 5 < n) {
                try {
                  b.append((char) Integer.parseInt(t.substring(i + 2, i + 6), 16));
                } catch (NumberFormatException ex) {
                  return null;
                }
                i += 4;
              }
            }
            default -> b.append(e);
          }
          i += 2;
        } else {
          b.append(c);
          i++;
        }
      }
      if (i >= n) {
        return null;
      }
      out.add(b.toString());
      i++;
      while (i < n && Character.isWhitespace(t.charAt(i))) {
        i++;
      }
      if (i < n) {
        if (t.charAt(i) != ',') {
          return null;
        }
        i++;
      }
    }
  }

  static List<String> words(String rest) {
    List<String> out = new ArrayList<>();
    for (String w : rest.split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** {@code KEY=value} pairs (quotes removed); the legacy {@code ENV KEY value} form is one pair. */
  static List<Object> pairs(String rest, String cmd) {
    List<Object> out = new ArrayList<>();
    List<String> toks = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (int k = 0; k < rest.length(); k++) {
      char c = rest.charAt(k);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && k + 1 < rest.length()) {
          cur.append(rest.charAt(++k));
        } else {
          cur.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        any = true;
      } else if (c == '\\' && k + 1 < rest.length()) {
        cur.append(rest.charAt(++k));
      } else if (Character.isWhitespace(c)) {
        if (!cur.isEmpty() || any) {
          toks.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(c);
      }
    }
    if (!cur.isEmpty() || any) {
      toks.add(cur.toString());
    }
    if (toks.isEmpty()) {
      return out;
    }
    boolean legacy = !cmd.equals("ARG") && !toks.get(0).contains("=");
    if (legacy) {
      out.add(pair(toks.get(0), String.join(" ", toks.subList(1, toks.size())), true));
      return out;
    }
    for (String t : toks) {
      int eq = t.indexOf('=');
      out.add(eq < 0 ? pair(t, "", false) : pair(t.substring(0, eq), t.substring(eq + 1), true));
    }
    return out;
  }

  private static Map<String, Object> pair(String key, String value, boolean hasValue) {
    Map<String, Object> m = new HashMap<>();
    m.put("key", key);
    m.put("value", value);
    m.put("hasValue", hasValue);
    return m;
  }

  /** Splits stages and derives their facts; see {@link DockerfileParser}. */
  static final class StageBuilder {
    private StageBuilder() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> build(Map<String, Object> directives, List<Object> instructions, Positions positions) {
      Map<String, String> globalArgs = new HashMap<>();
      List<Object> stages = new ArrayList<>();
      Map<String, Map<String, Object>> byName = new HashMap<>();
      Map<String, Object> stage = null;
      for (Object o : instructions) {
        Map<String, Object> ins = (Map<String, Object>) o;
        String cmd = (String) ins.get("cmd");
        if (cmd.equals("FROM")) {
          stage = newStage(ins, stages.size(), globalArgs, byName);
          positions.node(stage, positions.of(ins));
          stages.add(stage);
        } else if (stage == null && cmd.equals("ARG")) {
          for (Object p : (List<Object>) ins.get("pairs")) {
            Map<String, Object> pair = (Map<String, Object>) p;
            globalArgs.put((String) pair.get("key"), (String) pair.get("value"));
          }
        }
        ins.put("stage", stage == null ? -1L : (long) (stages.size() - 1));
        if (stage != null && !cmd.equals("FROM")) {
          ((List<Object>) stage.get("instructions")).add(ins);
          if (cmd.equals("USER")) {
            String user = ((String) ins.get("args")).strip();
            int colon = user.indexOf(':');
            stage.put("user", colon >= 0 ? user.substring(0, colon) : user);
            stage.put("userInstruction", ins);
          }
          if (cmd.equals("HEALTHCHECK")) {
            stage.put("healthcheck", !((String) ins.get("args")).strip().equalsIgnoreCase("NONE"));
          }
        }
      }
      Map<String, Object> df = new LinkedHashMap<>();
      df.put("directives", directives);
      df.put("stages", stages);
      df.put("instructions", instructions);
      df.put("args", globalArgs);
      return df;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> newStage(Map<String, Object> from, int index, Map<String, String> args,
        Map<String, Map<String, Object>> byName) {
      List<String> argv = (List<String>) from.get("argv");
      String image = argv.isEmpty() ? "" : substitute(argv.get(0), args);
      String name = argv.size() >= 3 && argv.get(1).equalsIgnoreCase("AS") ? argv.get(2).toLowerCase(Locale.ROOT) : "";
      Map<String, Object> parent = byName.get(image.toLowerCase(Locale.ROOT));
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("index", (long) index);
      s.put("name", name);
      s.put("image", image);
      s.put("ref", ImageRef.parse(image).toMap());
      s.put("fromStage", parent != null);
      s.put("platform", String.valueOf(((Map<String, Object>) from.get("flags")).getOrDefault("platform", "")));
      s.put("from", from);
      s.put("instructions", new ArrayList<>());
      s.put("user", parent != null ? parent.get("user") : "");
      if (parent != null && parent.containsKey("userInstruction")) {
        s.put("userInstruction", parent.get("userInstruction"));
      }
      s.put("healthcheck", parent != null && Boolean.TRUE.equals(parent.get("healthcheck")));
      if (!name.isEmpty()) {
        byName.put(name, s);
      }
      return s;
    }

    /** Expands {@code $VAR}, {@code ${VAR}} and {@code ${VAR:-default}} with global ARG defaults. */
    static String substitute(String s, Map<String, String> args) {
      StringBuilder b = new StringBuilder();
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c != '$' || i + 1 >= s.length()) {
          b.append(c);
          i++;
          continue;
        }
        int start;
        int end;
        String name;
        String fallback = null;
        if (s.charAt(i + 1) == '{') {
          int close = s.indexOf('}', i + 2);
          if (close < 0) {
            b.append(s.substring(i));
            break;
          }
          String inner = s.substring(i + 2, close);
          int op = inner.indexOf(":-");
          name = op >= 0 ? inner.substring(0, op) : inner;
          fallback = op >= 0 ? inner.substring(op + 2) : null;
          start = i;
          end = close + 1;
        } else {
          int k = i + 1;
          while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
            k++;
          }
          name = s.substring(i + 1, k);
          start = i;
          end = k;
        }
        String v = args.get(name);
        if (v != null && !v.isEmpty()) {
          b.append(v);
        } else if (fallback != null) {
          b.append(fallback);
        } else {
          b.append(s, start, end);
        }
        i = end;
      }
      return b.toString();
    }
  }
}
