package dev.bulwark.model.scan.format;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Looks for Jinja server-side template injection in a chat template: constructs that reach Python
 * internals from template code. Hand-written scanner (linear time), no regular expressions.
 */
public final class ChatTemplateCheck {
  private static final Set<String> IDENTIFIERS = Set.of("lipsum", "cycler", "joiner", "self", "config", "request",
      "url_for", "get_flashed_messages", "popen", "system", "subprocess", "os", "eval", "exec", "globals",
      "builtins", "getattr", "setattr", "import", "importlib", "attr", "mro", "subclasses", "environ", "modules",
      "sys", "application", "func_globals", "open", "file", "compile", "exit", "breakpoint");
  private static final Set<String> STATEMENTS = Set.of("import", "include", "extends", "from");

  private ChatTemplateCheck() {}

  /** The suspicious constructs of a template, in order of appearance; empty for a harmless template. */
  public static Set<String> findings(String template) {
    Set<String> out = new LinkedHashSet<>();
    int i = 0;
    int n = template.length();
    while (i < n - 1) {
      char c = template.charAt(i);
      char d = template.charAt(i + 1);
      if (c == '{' && (d == '{' || d == '%')) {
        String close = d == '{' ? "}}" : "%}";
        int end = template.indexOf(close, i + 2);
        if (end < 0) {
          end = n;
        }
        code(template.substring(i + 2, end), d == '%', out);
        i = end + 2;
      } else {
        i++;
      }
    }
    return out;
  }

  private static void code(String code, boolean statement, Set<String> out) {
    String body = code.strip();
    if (body.startsWith("-") || body.startsWith("+")) {
      body = body.substring(1).strip();
    }
    if (statement) {
      String first = firstWord(body);
      if (STATEMENTS.contains(first)) {
        out.add("{% " + first + " %} statement");
      }
    }
    if (code.contains("__")) {
      int at = code.indexOf("__");
      out.add("dunder access near '" + snippet(code, at) + "'");
    }
    String lower = code.toLowerCase(Locale.ROOT);
    if (lower.contains("\\x5f") || lower.contains("\\u005f") || lower.contains("\\137") || lower.contains("\\x2e")) {
      out.add("escaped underscore or dot in a string");
    }
    int i = 0;
    char quote = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c == quote) {
          quote = 0;
        }
        i++;
      } else if (c == '\'' || c == '"') {
        quote = c;
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < code.length() && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_')) {
          i++;
        }
        String word = code.substring(start, i);
        if (IDENTIFIERS.contains(word) && !(start > 0 && code.charAt(start - 1) == '.' && isHarmlessMember(word))) {
          out.add("'" + word + "' in template code");
        }
      } else {
        i++;
      }
    }
  }

  /** Member names that are ordinary on messages and dicts ({@code message.system} is not os.system). */
  private static boolean isHarmlessMember(String word) {
    return word.equals("system") || word.equals("config") || word.equals("file") || word.equals("open");
  }

  private static String firstWord(String s) {
    int i = 0;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    return s.substring(0, i);
  }

  private static String snippet(String s, int at) {
    int from = Math.max(0, at - 20);
    int to = Math.min(s.length(), at + 30);
    return s.substring(from, to).replace('\n', ' ');
  }
}
