package dev.bulwark.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The only forms in which a secret value ever leaves the scanner: a short prefix and SHA-256 digests. */
public final class Redaction {

  private Redaction() {}

  /** At most 8 characters and never more than a quarter of the value, followed by an ellipsis. */
  public static String prefix(String value) {
    int keep = Math.min(8, value.length() / 4);
    return value.substring(0, keep) + "…";
  }

  public static String sha256(String value) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** The 12-hex-digit digest shown in evidence. */
  public static String shortHash(String value) {
    return sha256(value).substring(0, 12);
  }
}
