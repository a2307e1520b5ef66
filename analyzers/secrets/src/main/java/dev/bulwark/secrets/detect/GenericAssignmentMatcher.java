package dev.bulwark.secrets.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code name = value} where the name says password, secret, token or API key and the value looks random:
 * long enough, high Shannon entropy, several character classes, not a placeholder, reference, path,
 * UUID or hash. Quoted values are taken in every format; bare values only where the format writes them
 * bare (.env, YAML, properties, INI, TOML, Dockerfile {@code ENV}/{@code ARG}).
 */
public final class GenericAssignmentMatcher implements Matcher {

  /** What the name must say, as lower-case words of the identifier. */
  public enum Kind {
    PASSWORD(8, 2.8), SECRET(12, 3.2), TOKEN(16, 3.3), API_KEY(16, 3.3), CREDENTIAL(12, 3.2);

    final int minLength;
    final double minEntropy;

    Kind(int minLength, double minEntropy) {
      this.minLength = minLength;
      this.minEntropy = minEntropy;
    }

    public int minLength() {
      return minLength;
    }

    public double minEntropy() {
      return minEntropy;
    }
  }

  private static final Set<String> EXCLUDED_LAST_WORDS = Set.copyOf(java.util.List.of("hash", "hashed", "digest", "checksum", "sha", "sha1",
      "sha256", "sha512", "md5", "length", "len", "min", "max", "policy", "regex", "pattern", "field", "label", "prompt",
      "placeholder", "hint", "type", "format", "file", "filename", "path", "dir", "url", "uri", "endpoint", "header",
      "param", "name", "names", "id", "expires", "expiry", "expiration", "ttl", "count", "limit", "reset", "input",
      "enabled", "required", "error", "message", "msg", "text", "title", "description", "size", "timeout",
      "version", "mode", "kind", "env", "var", "provider", "class", "method", "strategy", "count", "index", "idx",
      "template", "prefix", "suffix", "location", "source", "ref", "arn", "uri", "host", "port", "user", "username",
      "login", "email", "mask", "show", "visible", "store", "storage", "manager", "service", "validator",
      "lifetime", "validity", "rotation", "created", "updated", "at", "by", "list", "column", "key_id", "fingerprint"));

  private final Kind kind;

  public GenericAssignmentMatcher(Kind kind) {
    this.kind = kind;
  }

  @Override
  public void find(Window w, Sink sink) {
    String t = w.text();
    int from = w.from();
    int to = w.to();
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c != '=' && c != ':') {
        continue;
      }
      int opEnd = i + 1;
      char next = opEnd < to ? t.charAt(opEnd) : '\n';
      if (c == '=' && (next == '=' || i > from && "!<>=+-*/%&|^".indexOf(t.charAt(i - 1)) >= 0)) {
        i = opEnd;
        continue; // comparison or compound assignment
      }
      if (c == ':' && next == ':') {
        i = opEnd;
        continue; // C++/Rust path, IPv6
      }
      if (c == ':' && next == '=' || c == '=' && next == '>') {
        opEnd++;
      }
      int nameEnd = skipBackToName(t, from, i);
      int nameStart = nameEnd;
      while (nameStart > from && nameEnd - nameStart < 80 && isNameChar(t.charAt(nameStart - 1))) {
        nameStart--;
      }
      if (nameStart == nameEnd || !Character.isLetter(t.charAt(nameStart)) && t.charAt(nameStart) != '_') {
        continue;
      }
      boolean isNameKey = nameEnd - nameStart == 4 && t.regionMatches(true, nameStart, "name", 0, 4);
      if (!isNameKey && !regionMentionsKind(t, nameStart, nameEnd)) {
        continue;
      }
      String name = t.substring(nameStart, nameEnd);
      // "KEY=value" as one JSON string: a container image's Env list, a compose environment array
      // (also an image history entry: "created_by": "/bin/sh -c #(nop) ENV KEY=value")
      boolean envString = c == '=' && nameEnd == i && nameStart > 0
          && (t.charAt(nameStart - 1) == '"' || t.startsWith("ENV ", nameStart - 4) || t.startsWith("ARG ", nameStart - 4));
      if (name.equalsIgnoreCase("name") && c == ':') {
        namedValue(w, opEnd, sink);
      } else {
        reportValue(w, name, opEnd, to, envString, sink);
      }
    }
    if (w.format() == TextFormat.DOCKERFILE) {
      dockerEnvWithoutEquals(w, sink);
    }
  }

  /** From an operator at {@code op}, skips blanks and up to two closing quotes/brackets back to the name's end. */
  private static int skipBackToName(String t, int from, int op) {
    int j = op;
    while (j > from && (t.charAt(j - 1) == ' ' || t.charAt(j - 1) == '\t')) {
      j--;
    }
    for (int q = 0; q < 2 && j > from && "\"'`]".indexOf(t.charAt(j - 1)) >= 0; q++) {
      j--;
    }
    return j;
  }

  /**
   * Kubernetes/compose style {@code - name: DB_PASSWORD} followed (on the same or one of the next two lines) by
   * {@code value: ...}: the secret's name and value are separate keys.
   */
  private void namedValue(Window w, int valueFrom, Sink sink) {
    String t = w.text();
    int v = valueFrom;
    while (v < t.length() && (t.charAt(v) == ' ' || t.charAt(v) == '\t' || t.charAt(v) == '"' || t.charAt(v) == '\'')) {
      v++;
    }
    int e = v;
    while (e < t.length() && e - v < 80 && isNameChar(t.charAt(e))) {
      e++;
    }
    if (e == v) {
      return;
    }
    String envName = t.substring(v, e);
    if (!mentionsKind(envName) || !nameMatches(envName)) {
      return;
    }
    int limit = e;
    for (int lines = 0; lines < 3 && limit < t.length(); lines++) {
      limit = w.lineEnd(limit) + 1;
    }
    limit = Math.min(limit, t.length());
    int at = t.indexOf("value", e);
    if (at < 0 || at >= limit || at > 0 && isNameChar(t.charAt(at - 1))) {
      return;
    }
    int op = at + 5;
    if (op < limit && (t.charAt(op) == '"' || t.charAt(op) == '\'')) {
      op++;
    }
    while (op < limit && (t.charAt(op) == ' ' || t.charAt(op) == '\t')) {
      op++;
    }
    if (op < limit && t.charAt(op) == ':') {
      reportValue(w, envName, op + 1, Math.min(w.lineEnd(op), t.length()), false, sink);
    }
  }

  private void reportValue(Window w, String name, int valueFrom, int to, boolean envString, Sink sink) {
    String t = w.text();
    int v = valueFrom;
    while (v < to && (t.charAt(v) == ' ' || t.charAt(v) == '\t')) {
      v++;
    }
    if (v >= to) {
      return;
    }
    char q = t.charAt(v);
    int start;
    int end;
    boolean bare = false;
    if (q == '"' || q == '\'' || q == '`') {
      start = v + 1;
      end = start;
      while (end < to && end - start <= 300 && t.charAt(end) != q && t.charAt(end) != '\n') {
        end++;
      }
      if (end >= to || t.charAt(end) != q) {
        return;
      }
    } else {
      bare = true;
      start = v;
      end = v;
      while (end < to && end - start <= 300 && !isBareStop(t.charAt(end))) {
        end++;
      }
    }
    boolean bareAllowed = w.format().unquotedValues() || envString && end < t.length() && t.charAt(end) == '"';
    if (end == start || bare && !bareAllowed || !mentionsKind(name) || !nameMatches(name)) {
      return;
    }
    if (valueLooksSecret(t.substring(start, end), bare)) {
      sink.candidate(start, end);
    }
  }

  /** {@code ENV NAME value} and {@code ARG NAME value}: Dockerfile's legacy form without '='. */
  private void dockerEnvWithoutEquals(Window w, Sink sink) {
    String t = w.text();
    int line = w.from();
    while (line < w.to()) {
      int end = Math.min(w.lineEnd(line), w.to());
      int i = line;
      while (i < end && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
        i++;
      }
      if (end - i > 4 && (t.regionMatches(true, i, "ENV", 0, 3) || t.regionMatches(true, i, "ARG", 0, 3))
          && (t.charAt(i + 3) == ' ' || t.charAt(i + 3) == '\t')) {
        int ns = i + 4;
        while (ns < end && (t.charAt(ns) == ' ' || t.charAt(ns) == '\t')) {
          ns++;
        }
        int ne = ns;
        while (ne < end && isNameChar(t.charAt(ne))) {
          ne++;
        }
        if (ne > ns && ne < end && (t.charAt(ne) == ' ' || t.charAt(ne) == '\t')) {
          reportValue(w, t.substring(ns, ne), ne, end, false, sink);
        }
      }
      line = end + 1;
    }
  }

  private static boolean isNameChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
  }

  private static boolean isBareStop(char c) {
    return c <= ' ' || "\"'`,;#()[]{}<>".indexOf(c) >= 0;
  }

  /** {@link #mentionsKind} on {@code t[from, to)} without allocating. */
  private boolean regionMentionsKind(String t, int from, int to) {
    return switch (kind) {
      case PASSWORD -> containsIgnoreCase(t, from, to, "pass") || containsIgnoreCase(t, from, to, "pwd");
      case SECRET -> containsIgnoreCase(t, from, to, "secret");
      case TOKEN -> containsIgnoreCase(t, from, to, "token");
      case API_KEY -> containsIgnoreCase(t, from, to, "key");
      case CREDENTIAL -> containsIgnoreCase(t, from, to, "cred");
    };
  }

  private static boolean containsIgnoreCase(String t, int from, int to, String needle) {
    for (int i = from; i + needle.length() <= to; i++) {
      if (t.regionMatches(true, i, needle, 0, needle.length())) {
        return true;
      }
    }
    return false;
  }

  /** Cheap check before splitting the name into words. */
  private boolean mentionsKind(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return switch (kind) {
      case PASSWORD -> n.contains("pass") || n.contains("pwd");
      case SECRET -> n.contains("secret");
      case TOKEN -> n.contains("token");
      case API_KEY -> n.contains("key");
      case CREDENTIAL -> n.contains("cred");
    };
  }

  boolean nameMatches(String name) {
    List<String> words = words(name);
    if (words.isEmpty()) {
      return false;
    }
    String last = words.get(words.size() - 1);
    if (EXCLUDED_LAST_WORDS.contains(last)) {
      return false;
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String prev = i > 0 ? words.get(i - 1) : "";
      switch (kind) {
        case PASSWORD -> {
          if (w.equals("password") || w.equals("passwd") || w.equals("pwd") || w.equals("passphrase")
              || w.equals("pass") && i == words.size() - 1 || w.endsWith("password")) {
            return true;
          }
        }
        case SECRET -> {
          if (w.equals("secret") || w.endsWith("secret") && !w.equals("nonsecret")) {
            return true;
          }
        }
        case TOKEN -> {
          if (w.equals("token") || w.endsWith("token") && w.length() <= 16) {
            return true;
          }
        }
        case API_KEY -> {
          if (w.equals("apikey") || w.equals("accesskey") || w.equals("authkey")
              || w.equals("key") && (prev.equals("api") || prev.equals("access") || prev.equals("auth")
                  || prev.equals("client") || prev.equals("master") || prev.equals("signing")
                  || prev.equals("encryption") || prev.equals("license") || prev.equals("subscription"))) {
            return true;
          }
        }
        case CREDENTIAL -> {
          if (w.equals("credential") || w.equals("credentials") || w.equals("creds") || w.equals("cred")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  boolean valueLooksSecret(String raw, boolean bare) {
    String v = raw.trim();
    if (v.length() < kind.minLength || v.length() > 256 || v.indexOf(' ') >= 0) {
      return false;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    char c0 = v.charAt(0);
    if (c0 == '$' || c0 == '%' || c0 == '!' || c0 == '&' || c0 == '*' || c0 == '@' || c0 == '=' || c0 == '/'
        || c0 == '.' || c0 == '~' || c0 == '{' || c0 == '[' || c0 == '(' || c0 == '<' || c0 == '#') {
      return false;
    }
    if (v.contains("(") || v.contains("${") || v.contains("{{") || v.contains("://") || lower.startsWith("http")
        || lower.startsWith("os.") || lower.startsWith("process.") || lower.startsWith("env.")
        || lower.startsWith("config.") || lower.startsWith("settings.") || lower.startsWith("self.")
        || lower.startsWith("this.") || lower.startsWith("sha256:") || lower.startsWith("sha512-")
        || lower.startsWith("sha1-") || lower.startsWith("sha384-") || lower.startsWith("arn:")
        || lower.startsWith("vault:") || lower.startsWith("secret:") || lower.startsWith("ref+")
        // SPDX identifiers under licence-ish names ("spdx_license_key": "LicenseRef-scancode-scsl-3.0")
        || lower.startsWith("licenseref-") || lower.startsWith("documentref-")) {
      return false;
    }
    if (lower.contains("password") || lower.contains("secret") || lower.contains("token")
        || Placeholders.isPlaceholder(v) || isUuid(lower) || isDottedIdentifier(v)) {
      return false;
    }
    if (Entropy.shannon(v) < kind.minEntropy) {
      return false;
    }
    int classes = classes(v);
    if (kind == Kind.PASSWORD) {
      return classes >= 2 && !isIdentifier(v);
    }
    return classes >= 2 && Validators.mixesLettersAndDigits(v);
  }

  static boolean isUuid(String v) {
    if (v.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = v.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code settings.DB_PASSWORD}, {@code module.attr.name}: a reference, not a value. */
  static boolean isDottedIdentifier(String v) {
    if (v.indexOf('.') < 0) {
      return false;
    }
    for (String part : v.split("\\.")) {
      if (part.isEmpty() || !isIdentifier(part)) {
        return false;
      }
    }
    return true;
  }

  /** snake_case or camelCase words without digits: a variable or constant name. */
  static boolean isIdentifier(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(Character.isLetter(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  static int classes(String v) {
    boolean lower = false, upper = false, digit = false, other = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isLowerCase(c)) lower = true;
      else if (Character.isUpperCase(c)) upper = true;
      else if (Character.isDigit(c)) digit = true;
      else other = true;
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }

  /** Lower-case words of an identifier: {@code AWS_SECRET_ACCESS_KEY}, {@code apiKey}, {@code db.password}. */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '-' || c == '.') {
        flush(cur, out);
        continue;
      }
      if (Character.isUpperCase(c) && cur.length() > 0 && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
        flush(cur, out);
      }
      cur.append(Character.toLowerCase(c));
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

}
