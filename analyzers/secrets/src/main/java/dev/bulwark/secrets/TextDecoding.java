package dev.bulwark.secrets;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decides whether bytes are text and in which encoding: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM or
 * the tell-tale zero bytes of ASCII in UTF-16), UTF-32 with BOM. Anything else with NUL bytes or many
 * control characters is binary and not scanned.
 */
public final class TextDecoding {

  /** An encoding and how many BOM bytes to skip; {@code null} charset means binary. */
  public record Encoding(Charset charset, int bomLength) {
    public boolean isBinary() {
      return charset == null;
    }

    /** ASCII-compatible encodings can be prefiltered on raw bytes. */
    public boolean asciiCompatible() {
      return charset == StandardCharsets.UTF_8;
    }
  }

  static final Encoding BINARY = new Encoding(null, 0);
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

  private TextDecoding() {}

  public static Encoding sniff(byte[] head) {
    return sniff(head, head.length);
  }

  /** Sniffs the first {@code n} bytes of {@code head}. */
  public static Encoding sniff(byte[] head, int n) {
    if (n >= 4 && u(head[0]) == 0xFF && u(head[1]) == 0xFE && head[2] == 0 && head[3] == 0) {
      return new Encoding(UTF_32LE, 4);
    }
    if (n >= 4 && head[0] == 0 && head[1] == 0 && u(head[2]) == 0xFE && u(head[3]) == 0xFF) {
      return new Encoding(UTF_32BE, 4);
    }
    if (n >= 3 && u(head[0]) == 0xEF && u(head[1]) == 0xBB && u(head[2]) == 0xBF) {
      return new Encoding(StandardCharsets.UTF_8, 3);
    }
    if (n >= 2 && u(head[0]) == 0xFF && u(head[1]) == 0xFE) {
      return new Encoding(StandardCharsets.UTF_16LE, 2);
    }
    if (n >= 2 && u(head[0]) == 0xFE && u(head[1]) == 0xFF) {
      return new Encoding(StandardCharsets.UTF_16BE, 2);
    }
    int zeroEven = 0;
    int zeroOdd = 0;
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = u(head[i]);
      if (c == 0) {
        if ((i & 1) == 0) zeroEven++; else zeroOdd++;
      } else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) {
        control++;
      }
    }
    if (zeroEven + zeroOdd == 0) {
      return control * 20 < n + 1 ? new Encoding(StandardCharsets.UTF_8, 0) : BINARY;
    }
    int half = n / 2;
    if (half >= 2 && zeroOdd * 10 >= half * 7 && zeroEven * 20 <= half) {
      return new Encoding(StandardCharsets.UTF_16LE, 0);
    }
    if (half >= 2 && zeroEven * 10 >= half * 7 && zeroOdd * 20 <= half) {
      return new Encoding(StandardCharsets.UTF_16BE, 0);
    }
    return BINARY;
  }

  public static String decode(byte[] bytes, Encoding encoding) {
    return new String(bytes, encoding.bomLength(), bytes.length - encoding.bomLength(), encoding.charset());
  }

  private static int u(byte b) {
    return b & 0xFF;
  }
}
