package dev.bulwark.data.mask;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret behind keyed hashes and pseudonyms. Comes from an environment variable or a file, never from
 * the command line (which other users can read in the process list). At least 16 bytes.
 */
public final class MaskKey {

  public static final String DEFAULT_ENV = "BULWARK_MASK_KEY";
  private static final int MIN_BYTES = 16;

  private final SecretKeySpec spec;

  private MaskKey(byte[] key) {
    if (key.length < MIN_BYTES) {
      throw new IllegalArgumentException("the masking key must be at least " + MIN_BYTES + " bytes, got " + key.length);
    }
    this.spec = new SecretKeySpec(key, "HmacSHA256");
  }

  public static MaskKey of(byte[] key) {
    return new MaskKey(key.clone());
  }

  /** From the environment variable {@code name}; throws with a message naming the variable when unset. */
  public static MaskKey fromEnv(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("environment variable " + name + " holding the masking key is not set");
    }
    return new MaskKey(v.getBytes(StandardCharsets.UTF_8));
  }

  /** From a file; one trailing newline is ignored. */
  public static MaskKey fromFile(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    int n = b.length;
    if (n > 0 && b[n - 1] == '\n') {
      n--;
      if (n > 0 && b[n - 1] == '\r') {
        n--;
      }
    }
    return new MaskKey(Arrays.copyOf(b, n));
  }

  /** HMAC-SHA256 of the UTF-8 text. */
  public byte[] hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(spec);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** A deterministic stream of pseudo-random values seeded by HMAC(key, domain + value). */
  public Stream stream(String domain, String value) {
    return new Stream(this, domain + "\u0000" + value);
  }

  /** Counter-mode expansion of HMAC output. */
  public static final class Stream {
    private final MaskKey key;
    private final String seed;
    private byte[] block;
    private int pos;
    private int counter;

    Stream(MaskKey key, String seed) {
      this.key = key;
      this.seed = seed;
    }

    public int nextInt(int bound) {
      // 32 bits per draw; the modulo bias is negligible for the small bounds used here
      long v = 0;
      for (int i = 0; i < 4; i++) {
        v = (v << 8) | nextByte();
      }
      return (int) (v % bound);
    }

    private int nextByte() {
      if (block == null || pos == block.length) {
        block = key.hmac(seed + "\u0000" + counter++);
        pos = 0;
      }
      return block[pos++] & 0xFF;
    }
  }
}
