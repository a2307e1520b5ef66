package dev.bulwark.secrets;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Location;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Suppression;
import dev.bulwark.secrets.detect.Detector;
import java.util.Map;

/** Turns a hit into a {@link Finding} that carries no secret in clear. */
public final class SecretFindings {

  public static final String DOCS = "docs/rules/secret/";
  static final String FIX = "Revoke or rotate this credential at the provider now (assume it is compromised), "
      + "remove it from the file and from version-control history, and load it at run time from a secret store "
      + "or an environment variable.";

  private SecretFindings() {}

  /**
   * @param context extra evidence (notebook cell, git commit); must not contain the value
   * @param fingerprintSalt distinguishes where the secret was seen ("" for the working tree, "git" for history)
   */
  public static Finding finding(Detector detector, String value, Location location, Map<String, String> context,
      String fingerprintSalt, Suppression suppression) {
    String hash = Redaction.sha256(value);
    Finding.Builder b = Finding.builder(Scanner.SECRET, detector.id(), detector.severity(), detector.title())
        .description(detector.title() + " found in " + location.path()
            + ". The value is redacted; compare it by its SHA-256 prefix.")
        .location(location)
        .evidence("secret.prefix", Redaction.prefix(value))
        .evidence("secret.sha256", hash.substring(0, 12))
        .evidence("secret.length", value.length())
        .reference(DOCS + detector.slug() + ".md")
        .fix(FIX)
        .fingerprint(fingerprintSalt.isEmpty() ? hash : fingerprintSalt + ":" + hash)
        .suppression(suppression);
    context.forEach(b::evidence);
    return b.build();
  }
}
