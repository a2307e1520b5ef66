package dev.bulwark.secrets.catalog;

import static dev.bulwark.model.Severity.MEDIUM;

import dev.bulwark.secrets.detect.Detector;
import dev.bulwark.secrets.detect.Entropy;
import dev.bulwark.secrets.detect.GenericAssignmentMatcher;
import dev.bulwark.secrets.detect.GenericAssignmentMatcher.Kind;
import dev.bulwark.secrets.detect.Re2Matcher;
import dev.bulwark.secrets.detect.Validators;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Secret-like assignments without a provider format, scored by entropy. Lowest priority: exact rules win. */
final class GenericSecrets {

  private GenericSecrets() {}

  static List<Detector> all() {
    return List.of(
        generic("generic-password", "Hard-coded password", Kind.PASSWORD,
            "password", "passwd", "pwd", "passphrase", "_pass", "-pass", ".pass"),
        generic("generic-secret", "Hard-coded secret", Kind.SECRET, "secret"),
        generic("generic-token", "Hard-coded token", Kind.TOKEN, "token"),
        generic("generic-api-key", "Hard-coded API key", Kind.API_KEY,
            "apikey", "api_key", "api-key", "api.key", "accesskey", "access_key", "access-key", "authkey", "auth_key",
            "client_key", "clientkey", "master_key", "masterkey", "signing_key", "signingkey", "encryption_key",
            "encryptionkey", "license_key", "subscription_key"),
        generic("generic-credential", "Hard-coded credential", Kind.CREDENTIAL, "credential", "creds"),
        Rules.custom("generic-bearer-token", "Bearer token in an Authorization header", MEDIUM,
                new Re2Matcher("(?i)\\bbearer\\s+([A-Za-z0-9_\\-.=~+/]{20,512})"), "bearer")
            .multiline(600).priority(1)
            .validator(v -> Validators.mixesLettersAndDigits(v) && Entropy.shannon(v) >= 3.5)
            .about("An `Authorization: Bearer <token>` header value with a random-looking token (letters and digits, "
                + "at least 3.5 bits of entropy per character).")
            .build(),
        Rules.custom("generic-basic-auth-header", "Basic credentials in an Authorization header", MEDIUM,
                new Re2Matcher("(?i)\\bbasic\\s+([A-Za-z0-9+/]{8,300}={0,2})(?:[^A-Za-z0-9+/=]|$)"), "basic ")
            .multiline(320).priority(1)
            .validator(GenericSecrets::basicCredentials)
            .about("An `Authorization: Basic <base64>` header value that decodes to `user:password` with a "
                + "non-trivial password.")
            .build());
  }

  private static Detector generic(String slug, String title, Kind kind, String... keywords) {
    return Detector.builder(slug, title, MEDIUM)
        .keywords(keywords)
        .matcher(new GenericAssignmentMatcher(kind))
        .priority(0)
        .about(title + ": a value assigned to a name whose words include " + String.join(", ", keywords)
            + ". The value must be at least " + kind.minLength() + " characters long with at least " + kind.minEntropy()
            + " bits of Shannon entropy per character and "
            + "several character classes; placeholders, references (`${VAR}`, `os.environ[...]`, "
            + "`process.env.X`), paths, URLs, UUIDs and hashes are not reported. Bare (unquoted) values count "
            + "only in .env, YAML, TOML, properties, INI and Dockerfile ENV/ARG.")
        .build();
  }

  private static boolean basicCredentials(String b64) {
    try {
      String s = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
      int colon = s.indexOf(':');
      return colon > 0 && colon < s.length() - 3 && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
          && ConnectionStrings.realPassword(s.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
