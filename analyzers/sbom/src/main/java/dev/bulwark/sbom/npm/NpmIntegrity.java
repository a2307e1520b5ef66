package dev.bulwark.sbom.npm;

import dev.bulwark.model.Component;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Subresource-integrity strings ({@code sha512-BASE64}) as hex hashes on a component. */
final class NpmIntegrity {

  private NpmIntegrity() {}

  static void apply(Component.Builder b, String integrity) {
    if (integrity == null) {
      return;
    }
    for (String part : integrity.trim().split("\\s+")) {
      int dash = part.indexOf('-');
      if (dash <= 0) {
        continue;
      }
      String alg = part.substring(0, dash).toLowerCase(Locale.ROOT);
      String name = switch (alg) {
        case "sha512" -> "SHA-512";
        case "sha384" -> "SHA-384";
        case "sha256" -> "SHA-256";
        case "sha1" -> "SHA-1";
        default -> null;
      };
      if (name == null) {
        continue;
      }
      try {
        b.hash(name, HexFormat.of().formatHex(Base64.getDecoder().decode(part.substring(dash + 1))));
      } catch (IllegalArgumentException e) {
        // not base64: keep nothing rather than a wrong hash
      }
    }
  }
}
