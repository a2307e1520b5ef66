package dev.bulwark.secrets.catalog;

import static dev.bulwark.model.Severity.CRITICAL;
import static dev.bulwark.model.Severity.HIGH;
import static dev.bulwark.model.Severity.MEDIUM;

import dev.bulwark.model.Severity;
import dev.bulwark.secrets.detect.Detector;
import dev.bulwark.secrets.detect.PemBlockMatcher;
import dev.bulwark.secrets.detect.Re2Matcher;
import dev.bulwark.secrets.detect.Validators;
import java.util.List;
import java.util.Locale;

/** Private key material (PEM, OpenSSH, PGP, PuTTY) and signed JSON Web Tokens. */
final class PrivateKeys {

  private PrivateKeys() {}

  static List<Detector> all() {
    return List.of(
        pem("private-key-rsa", "RSA private key (PKCS#1 PEM)", CRITICAL, "RSA PRIVATE KEY"),
        pem("private-key-ec", "EC private key (SEC 1 PEM)", CRITICAL, "EC PRIVATE KEY"),
        pem("private-key-dsa", "DSA private key (PEM)", CRITICAL, "DSA PRIVATE KEY"),
        pem("private-key-pkcs8", "Private key (PKCS#8 PEM)", CRITICAL, "PRIVATE KEY"),
        pem("private-key-pkcs8-encrypted", "Encrypted private key (PKCS#8 PEM)", MEDIUM, "ENCRYPTED PRIVATE KEY"),
        pem("private-key-openssh", "OpenSSH private key", CRITICAL, "OPENSSH PRIVATE KEY"),
        pem("private-key-pgp", "PGP private key block", CRITICAL, "PGP PRIVATE KEY BLOCK"),
        pem("private-key-ssh2", "SSH.com (SSH2) private key", HIGH, "SSH2 ENCRYPTED PRIVATE KEY"),
        Rules.custom("private-key-putty", "PuTTY private key (.ppk)", CRITICAL,
                new Re2Matcher("(PuTTY-User-Key-File-[23]: [^\\r\\n]{3,60}(?:\\r?\\n[^\\r\\n]{0,200}){1,12}?\\r?\\n"
                    + "Private-Lines: \\d{1,3}\\r?\\n(?:[A-Za-z0-9+/=]{4,128}\\r?\\n){1,200})"), "putty-user-key-file-")
            .multiline(16384).noPlaceholderCheck()
            .about("A PuTTY `.ppk` key file: the `PuTTY-User-Key-File-2/3` header followed by `Private-Lines` "
                + "of base64 key material.")
            .build(),
        Rules.custom("jwt-signed-token", "Signed JSON Web Token", MEDIUM,
                new Re2Matcher("(?:^|[^A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{16,})"
                    + "(?:[^A-Za-z0-9_.-]|$)"), "eyj")
            .validator(Validators::signedJwt).priority(4)
            .about("A JSON Web Token (`eyJ…` header, payload and signature). The header is decoded: only tokens "
                + "whose `alg` names a real signing algorithm and that carry a signature are reported; "
                + "unsigned (`alg: none`) tokens are not secrets.")
            .build());
  }

  private static Detector pem(String slug, String title, Severity severity, String label) {
    return Detector.builder(slug, title, severity)
        .keywords("begin " + label.toLowerCase(Locale.ROOT))
        .matcher(new PemBlockMatcher(label))
        .multiline(65536).priority(25).noPlaceholderCheck()
        .about(title + ": a `-----BEGIN " + label + "-----` block with at least 64 characters of base64 key "
            + "material (line breaks, `\\n` escapes and string concatenation are allowed). Public keys and "
            + "certificates use other labels and are never reported; blocks elided with `...` are placeholders.")
        .build();
  }
}
