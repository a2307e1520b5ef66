package dev.bulwark.secrets.detect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/** Structural checks that turn a look-alike into a real candidate: checksums and decodable headers. */
public final class Validators {

  static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private Validators() {}

  /**
   * GitHub's and npm's token format: {@code <prefix><30 random base62><6 base62 CRC32 of the random part>}.
   */
  public static Predicate<String> crc32Base62(int prefixLength) {
    return v -> {
      if (v.length() != prefixLength + 36) {
        return false;
      }
      String random = v.substring(prefixLength, prefixLength + 30);
      String check = v.substring(prefixLength + 30);
      return base62Crc32(random).equals(check);
    };
  }

  /** The 6-character, zero-padded base62 CRC32 of {@code s}. */
  public static String base62Crc32(String s) {
    CRC32 crc = new CRC32();
    crc.update(s.getBytes(StandardCharsets.US_ASCII));
    long n = crc.getValue();
    char[] out = new char[6];
    for (int i = 5; i >= 0; i--) {
      out[i] = BASE62.charAt((int) (n % 62));
      n /= 62;
    }
    return n == 0 ? new String(out) : "";
  }

  /** A JWT whose header decodes to JSON naming a real signing algorithm and whose signature is present. */
  public static boolean signedJwt(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[2].length() < 16) {
      return false;
    }
    String header = decodeBase64Url(parts[0]);
    String payload = decodeBase64Url(parts[1]);
    if (header == null || payload == null || !header.trim().startsWith("{") || !payload.trim().startsWith("{")) {
      return false;
    }
    if (payload.contains("\"John Doe\"") && payload.contains("1234567890")) {
      return false; // jwt.io's example token and its re-signed variants
    }
    String h = header.replace(" ", "").toLowerCase(Locale.ROOT);
    int alg = h.indexOf("\"alg\":\"");
    if (alg < 0) {
      return false;
    }
    String rest = h.substring(alg + 7);
    return !rest.startsWith("none\"") && !rest.startsWith("\"");
  }

  /** PyPI tokens are macaroons serialised as base64; the first bytes name the location pypi.org / test.pypi.org. */
  public static boolean pypiMacaroon(String token) {
    if (!token.startsWith("pypi-")) {
      return false;
    }
    byte[] raw = decodeBase64UrlBytes(token.substring(5));
    if (raw == null || raw.length < 40 || raw[0] != 0x02 || raw[1] != 0x01) {
      return false;
    }
    int len = raw[2];
    if (len <= 0 || 3 + len > raw.length) {
      return false;
    }
    String location = new String(raw, 3, len, StandardCharsets.US_ASCII);
    return location.equals("pypi.org") || location.equals("test.pypi.org");
  }

  /** Standard base64 (with padding) decoding to exactly {@code bytes} bytes. */
  public static Predicate<String> base64OfLength(int bytes) {
    return v -> {
      try {
        return Base64.getDecoder().decode(v).length == bytes;
      } catch (IllegalArgumentException e) {
        return false;
      }
    };
  }

  /** Discord bot tokens start with the bot's numeric user id in base64. */
  public static boolean discordBotToken(String token) {
    int dot = token.indexOf('.');
    if (dot < 0) {
      return false;
    }
    String id = decodeBase64Url(token.substring(0, dot));
    return id != null && id.length() >= 17 && id.length() <= 20 && id.chars().allMatch(Character::isDigit);
  }

  /** Bech32 (BIP-173) checksum over {@code hrp1data}, as used by age secret keys. */
  public static boolean bech32(String s) {
    String v = s.toLowerCase(Locale.ROOT);
    int sep = v.lastIndexOf('1');
    if (sep < 1 || sep + 7 > v.length()) {
      return false;
    }
    String charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    int[] values = new int[sep * 2 + 1 + v.length() - sep - 1];
    int k = 0;
    for (int i = 0; i < sep; i++) {
      values[k++] = v.charAt(i) >> 5;
    }
    values[k++] = 0;
    for (int i = 0; i < sep; i++) {
      values[k++] = v.charAt(i) & 31;
    }
    for (int i = sep + 1; i < v.length(); i++) {
      int d = charset.indexOf(v.charAt(i));
      if (d < 0) {
        return false;
      }
      values[k++] = d;
    }
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int x : values) {
      int b = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ x;
      for (int i = 0; i < 5; i++) {
        if (((b >> i) & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk == 1;
  }

  /** Values that look random enough: at least {@code bits} of Shannon entropy per character. */
  public static Predicate<String> entropyAtLeast(double bits) {
    return v -> Entropy.shannon(v) >= bits;
  }

  /** Both letters and digits: random keys of 20+ characters practically always mix them. */
  public static boolean mixesLettersAndDigits(String v) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit;
  }

  static String decodeBase64Url(String s) {
    byte[] b = decodeBase64UrlBytes(s);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  static byte[] decodeBase64UrlBytes(String s) {
    String t = s.replace('+', '-').replace('/', '_');
    while (t.endsWith("=")) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      return Base64.getUrlDecoder().decode(t);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
