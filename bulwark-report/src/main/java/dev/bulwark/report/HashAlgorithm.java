package dev.bulwark.report;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Digest algorithms as CycloneDX and SPDX spell them. Catalogers write hash keys and values in whatever
 * form their source uses ({@code sha256}, {@code SHA-256}, npm's base64 {@code sha512-...} integrity);
 * writers normalise both here and drop values that are not a digest of the named algorithm's length.
 */
enum HashAlgorithm {
  MD5("MD5", "MD5", 16),
  SHA1("SHA-1", "SHA1", 20),
  SHA224(null, "SHA224", 28),
  SHA256("SHA-256", "SHA256", 32),
  SHA384("SHA-384", "SHA384", 48),
  SHA512("SHA-512", "SHA512", 64),
  SHA3_256("SHA3-256", "SHA3-256", 32),
  SHA3_384("SHA3-384", "SHA3-384", 48),
  SHA3_512("SHA3-512", "SHA3-512", 64),
  BLAKE2B_256("BLAKE2b-256", "BLAKE2b-256", 32),
  BLAKE2B_384("BLAKE2b-384", "BLAKE2b-384", 48),
  BLAKE2B_512("BLAKE2b-512", "BLAKE2b-512", 64),
  BLAKE3("BLAKE3", "BLAKE3", 32);

  /** The CycloneDX name, or null when CycloneDX has none. */
  final String cycloneDx;
  final String spdx;
  final int bytes;

  HashAlgorithm(String cycloneDx, String spdx, int bytes) {
    this.cycloneDx = cycloneDx;
    this.spdx = spdx;
    this.bytes = bytes;
  }

  /** The key Bulwark components use for this digest: {@code sha256}, {@code sha3-256}, {@code blake2b-256}. */
  String key() {
    return spdx.toLowerCase(Locale.ROOT);
  }

  /** Recognises {@code sha256}, {@code SHA-256}, {@code sha3_256}, {@code blake2b-256}, ... */
  static Optional<HashAlgorithm> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    for (HashAlgorithm a : values()) {
      if (a.name().toLowerCase(Locale.ROOT).replace("_", "").equals(key)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The value as lower-case hex, when it is hex or base64 (optionally {@code algo-} prefixed) of the right length. */
  Optional<String> hex(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    int dash = v.indexOf('-');
    if (dash > 0 && dash < 12 && parse(v.substring(0, dash)).isPresent()) {
      v = v.substring(dash + 1);
    }
    if (v.length() == bytes * 2 && isHex(v)) {
      return Optional.of(v.toLowerCase(Locale.ROOT));
    }
    try {
      byte[] raw = Base64.getDecoder().decode(v);
      if (raw.length == bytes) {
        return Optional.of(HexFormat.of().formatHex(raw));
      }
    } catch (IllegalArgumentException notBase64) {
      // neither hex nor base64 of this length: not a usable digest
    }
    return Optional.empty();
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
