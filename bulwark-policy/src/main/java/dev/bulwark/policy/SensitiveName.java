package dev.bulwark.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a variable name says it holds a credential ({@code DB_PASSWORD}, {@code hfToken},
 * {@code AWS_SECRET_ACCESS_KEY}), judged on whole words so that {@code TOKENIZERS_PARALLELISM},
 * {@code MAX_TOKENS} and {@code PASSWORD_FILE} do not count. Exposed to CEL as {@code sensitiveName(name)}.
 */
public final class SensitiveName {
  private static final Set<String> WORDS = Set.of("PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN",
      "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY", "PWD_SECRET", "SECRETKEY", "ACCESSKEY", "AUTHTOKEN");
  private static final Set<String> PAIRS = Set.of("API KEY", "ACCESS KEY", "PRIVATE KEY", "SECRET KEY",
      "ACCESS TOKEN", "AUTH KEY", "SIGNING KEY", "ENCRYPTION KEY", "MASTER KEY", "LICENSE KEY");
  /** A trailing word that makes the variable about a credential rather than the credential itself. */
  private static final Set<String> NOT_THE_VALUE = Set.of("FILE", "PATH", "DIR", "URL", "URI", "NAME", "HOST",
      "PORT", "USER", "USERNAME", "ID", "TYPE", "LENGTH", "HEADER", "ENDPOINT", "REF", "ENABLED", "EXPIRY", "TTL",
      "MODE", "FIELD", "ENV", "VAR", "VERSION", "LIMIT", "SIZE", "COUNT", "MAX", "MIN", "TIMEOUT", "SECONDS",
      "LOCATION", "PROVIDER", "ARN", "KIND", "FORMAT", "REGION", "POLICY", "SCOPE", "SCOPES", "AUDIENCE", "ISSUER");

  /** Tokens that name a thing rather than authenticate: etcd's initial cluster token, tokenizer settings. */
  private static final Set<String> NOT_SECRET_TOKENS = Set.of("CLUSTER", "MAX", "MIN", "NUM", "BOS", "EOS", "PAD", "UNK",
      "SEP", "CLS", "MASK", "SPECIAL", "START", "END", "STOP");

  private SensitiveName() {}

  public static boolean test(String name) {
    List<String> words = words(name);
    if (words.isEmpty() || NOT_THE_VALUE.contains(words.get(words.size() - 1))) {
      return false;
    }
    for (int i = 0; i < words.size(); i++) {
      if (WORDS.contains(words.get(i)) && !(i > 0 && words.get(i).equals("TOKEN") && NOT_SECRET_TOKENS.contains(words.get(i - 1)))) {
        return true;
      }
      if (i > 0 && words.get(i).equals("TOKEN") && NOT_SECRET_TOKENS.contains(words.get(i - 1))) {
        continue;
      }
      if (i + 1 < words.size() && PAIRS.contains(words.get(i) + " " + words.get(i + 1))) {
        return true;
      }
    }
    return false;
  }

  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char prev = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = Character.isLetterOrDigit(c);
      if (!alnum || (Character.isUpperCase(c) && Character.isLowerCase(prev))) {
        if (!cur.isEmpty()) {
          words.add(cur.toString().toUpperCase(Locale.ROOT));
          cur.setLength(0);
        }
      }
      if (alnum) {
        cur.append(c);
      }
      prev = c;
    }
    if (!cur.isEmpty()) {
      words.add(cur.toString().toUpperCase(Locale.ROOT));
    }
    return words;
  }
}
