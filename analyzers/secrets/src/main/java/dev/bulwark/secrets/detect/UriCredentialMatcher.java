package dev.bulwark.secrets.detect;

import java.util.Locale;
import java.util.Set;

/**
 * Hand-written matcher for {@code scheme://user:password@host} URIs: finds {@code ://}, checks the scheme
 * against a set, and reports the password part of the authority. Linear in the window.
 */
public final class UriCredentialMatcher implements Matcher {

  private static final int MAX_AUTHORITY = 600;

  private final Set<String> schemes;

  /** @param schemes lower-case scheme names, e.g. {@code postgres}, {@code postgresql+psycopg2} prefixes match by base */
  public UriCredentialMatcher(Set<String> schemes) {
    this.schemes = Set.copyOf(schemes);
  }

  @Override
  public void find(Window w, Sink sink) {
    String t = w.text();
    int to = w.to();
    int i = w.from();
    while (true) {
      int sep = t.indexOf("://", i);
      if (sep < 0 || sep >= to) {
        return;
      }
      i = sep + 3;
      int s = sep;
      while (s > w.from() && s > sep - 40 && isSchemeChar(t.charAt(s - 1))) {
        s--;
      }
      if (s == sep) {
        continue;
      }
      String scheme = t.substring(s, sep).toLowerCase(Locale.ROOT);
      int plus = scheme.indexOf('+');
      String base = plus > 0 && !scheme.startsWith("neo4j") && !scheme.startsWith("mongodb") ? scheme.substring(0, plus) : scheme;
      if (!schemes.contains(base) && !schemes.contains(scheme)) {
        continue;
      }
      int a = sep + 3;
      int end = a;
      int at = -1;
      while (end < to && end - a < MAX_AUTHORITY) {
        char c = t.charAt(end);
        if (c == '@') {
          at = end;
        } else if (c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '<'
            || c == '>') {
          break;
        }
        end++;
      }
      if (at < 0 || at + 1 >= end) {
        continue; // no credentials, or no host after them
      }
      int colon = t.indexOf(':', a);
      if (colon < 0 || colon >= at || colon + 1 == at) {
        continue; // user only, or empty password
      }
      if (documentationHost(t.substring(at + 1, end))) {
        continue; // RFC 2606 names exist only in examples ("https://abc:123@example.com/" in Node's docs)
      }
      sink.candidate(colon + 1, at);
      i = end;
    }
  }

  /** example.com/.net/.org and their subdomains, and the .invalid TLD (RFC 2606). */
  static boolean documentationHost(String hostAndPort) {
    String h = hostAndPort.toLowerCase(Locale.ROOT);
    int colon = h.lastIndexOf(':');
    if (colon > 0 && h.indexOf(']') < colon) {
      h = h.substring(0, colon);
    }
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    for (String d : new String[] {"example.com", "example.net", "example.org"}) {
      if (h.equals(d) || h.endsWith("." + d)) {
        return true;
      }
    }
    // not the .example and .test TLDs: teams use those for real internal hosts ("db.internal.example")
    return h.endsWith(".invalid") || h.equals("invalid");
  }

  private static boolean isSchemeChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.');
  }
}
