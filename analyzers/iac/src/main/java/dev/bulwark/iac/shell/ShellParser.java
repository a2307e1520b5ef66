package dev.bulwark.iac.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits a POSIX shell script into simple commands, well enough for checks: quoting, escapes, comments,
 * {@code && || ; | &} and newlines; wrappers ({@code sudo}, {@code env}, {@code nohup}, {@code time},
 * {@code exec}, leading {@code VAR=value}) are stripped and remembered; {@code python -m pip} becomes
 * {@code pip}; the script of {@code sh -c '...'} is parsed too. Never executes anything; linear time;
 * bounded by {@link #MAX_COMMANDS}.
 *
 * <p>Each command is a map: {@code name} (basename of the program), {@code argv}, {@code args} (after the
 * program), {@code sub} (first non-option argument), {@code operands} (non-option arguments after
 * {@code sub}, skipping values of options known to take one), {@code sudo}, {@code pipeFrom},
 * {@code pipeTo} (neighbour programs in a pipeline, or empty).
 */
public final class ShellParser {
  public static final int MAX_COMMANDS = 2_000;
  private static final int MAX_NESTING = 3;
  private static final Set<String> WRAPPERS = Set.of("sudo", "env", "nohup", "time", "exec", "command", "nice", "doas");
  private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ash", "ksh");
  private static final Map<String, Set<String>> VALUE_OPTIONS = Map.of(
      "pip", Set.of("-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
          "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--trusted-host",
          "--platform", "--python-version", "--implementation", "--abi", "--src", "--cache-dir", "--progress-bar",
          "--upgrade-strategy", "-C", "--config-settings", "--log", "--timeout", "--retries", "--proxy", "--cert",
          "--client-cert", "--only-binary", "--no-binary", "--report", "--python"),
      "apt-get", Set.of("-o", "-t", "--target-release", "-c", "--config-file"),
      "apt", Set.of("-o", "-t", "--target-release", "-c", "--config-file"),
      "apk", Set.of("-X", "--repository", "-p", "--root", "-t", "--virtual", "--arch", "--cache-dir", "--keys-dir"),
      "npm", Set.of("--prefix", "--registry", "-w", "--workspace"),
      "yum", Set.of("--enablerepo", "--disablerepo", "-c", "--installroot", "--releasever"),
      "dnf", Set.of("--enablerepo", "--disablerepo", "-c", "--installroot", "--releasever"));

  private ShellParser() {}

  public static List<Object> parse(String script) {
    List<Object> out = new ArrayList<>();
    parse(script, out, 0);
    return out;
  }

  private static void parse(String script, List<Object> out, int nesting) {
    List<List<String>> pipeline = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    int i = 0;
    int n = script.length();
    while (i < n && out.size() < MAX_COMMANDS) {
      char c = script.charAt(i);
      if (c == '\\' && i + 1 < n) {
        if (script.charAt(i + 1) == '\n') {
          i += 2;
          continue;
        }
        word = word == null ? new StringBuilder() : word;
        word.append(script.charAt(i + 1));
        i += 2;
      } else if (c == '\'') {
        word = word == null ? new StringBuilder() : word;
        int end = script.indexOf('\'', i + 1);
        end = end < 0 ? n : end;
        word.append(script, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        word = word == null ? new StringBuilder() : word;
        i++;
        while (i < n && script.charAt(i) != '"') {
          if (script.charAt(i) == '\\' && i + 1 < n && "\"\\$`\n".indexOf(script.charAt(i + 1)) >= 0) {
            if (script.charAt(i + 1) != '\n') {
              word.append(script.charAt(i + 1));
            }
            i += 2;
          } else {
            word.append(script.charAt(i++));
          }
        }
        i++;
      } else if (c == '#' && word == null) {
        while (i < n && script.charAt(i) != '\n') {
          i++;
        }
      } else if (c == ' ' || c == '\t' || c == '\r') {
        word = flush(word, words);
        i++;
      } else if (c == '|' && !(i + 1 < n && script.charAt(i + 1) == '|')) {
        word = flush(word, words);
        pipeline.add(words);
        words = new ArrayList<>();
        i += (i + 1 < n && script.charAt(i + 1) == '&') ? 2 : 1;
      } else if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '{' && word == null
          || c == '}' && word == null) {
        word = flush(word, words);
        pipeline.add(words);
        emit(pipeline, out, nesting);
        pipeline = new ArrayList<>();
        words = new ArrayList<>();
        i += (i + 1 < n && (c == '&' || c == '|') && script.charAt(i + 1) == c) ? 2 : 1;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
        i++;
      }
    }
    flush(word, words);
    pipeline.add(words);
    emit(pipeline, out, nesting);
  }

  private static StringBuilder flush(StringBuilder word, List<String> words) {
    if (word != null) {
      words.add(word.toString());
    }
    return null;
  }

  private static void emit(List<List<String>> pipeline, List<Object> out, int nesting) {
    List<Map<String, Object>> cmds = new ArrayList<>();
    for (List<String> argv : pipeline) {
      Map<String, Object> cmd = command(argv);
      if (cmd != null) {
        cmds.add(cmd);
      }
    }
    for (int k = 0; k < cmds.size(); k++) {
      Map<String, Object> cmd = cmds.get(k);
      cmd.put("pipeFrom", k > 0 ? cmds.get(k - 1).get("name") : "");
      cmd.put("pipeTo", k + 1 < cmds.size() ? cmds.get(k + 1).get("name") : "");
      if (out.size() >= MAX_COMMANDS) {
        return;
      }
      out.add(cmd);
      @SuppressWarnings("unchecked")
      List<String> args = (List<String>) cmd.get("args");
      if (nesting < MAX_NESTING && SHELLS.contains((String) cmd.get("name"))) {
        int dashC = args.indexOf("-c");
        if (dashC >= 0 && dashC + 1 < args.size()) {
          parse(args.get(dashC + 1), out, nesting + 1);
        }
      }
    }
  }

  private static Map<String, Object> command(List<String> argv) {
    int start = 0;
    boolean sudo = false;
    while (start < argv.size()) {
      String w = argv.get(start);
      if (isAssignment(w)) {
        start++;
      } else if (WRAPPERS.contains(basename(w))) {
        sudo |= basename(w).equals("sudo") || basename(w).equals("doas");
        start++;
        while (start < argv.size() && (argv.get(start).startsWith("-") || isAssignment(argv.get(start)))) {
          String opt = argv.get(start++);
          if (sudo && (opt.equals("-u") || opt.equals("-g")) && start < argv.size()) {
            start++;
          }
        }
      } else {
        break;
      }
    }
    if (start >= argv.size()) {
      return null;
    }
    String name = basename(argv.get(start));
    List<String> args = new ArrayList<>(argv.subList(start + 1, argv.size()));
    if (name.toLowerCase(Locale.ROOT).startsWith("python") && args.size() >= 2 && args.get(0).equals("-m")) {
      name = args.get(1);
      args = new ArrayList<>(args.subList(2, args.size()));
    }
    if (name.matches("pip[0-9.]*")) {
      name = "pip";
    }
    Set<String> valueOpts = VALUE_OPTIONS.getOrDefault(name, Set.of());
    String sub = "";
    List<String> operands = new ArrayList<>();
    for (int k = 0; k < args.size(); k++) {
      String a = args.get(k);
      if (a.startsWith("-")) {
        if (valueOpts.contains(a)) {
          k++;
        }
      } else if (sub.isEmpty()) {
        sub = a;
      } else {
        operands.add(a);
      }
    }
    Map<String, Object> cmd = new LinkedHashMap<>();
    cmd.put("name", name);
    List<String> fullArgv = new ArrayList<>();
    fullArgv.add(name);
    fullArgv.addAll(args);
    cmd.put("argv", fullArgv);
    cmd.put("args", args);
    cmd.put("sub", sub);
    cmd.put("operands", operands);
    cmd.put("sudo", sudo);
    return cmd;
  }

  private static boolean isAssignment(String w) {
    int eq = w.indexOf('=');
    if (eq <= 0) {
      return false;
    }
    for (int k = 0; k < eq; k++) {
      char ch = w.charAt(k);
      if (!(Character.isLetterOrDigit(ch) || ch == '_')) {
        return false;
      }
    }
    return !Character.isDigit(w.charAt(0));
  }

  private static String basename(String w) {
    int slash = w.lastIndexOf('/');
    return slash >= 0 ? w.substring(slash + 1) : w;
  }
}
