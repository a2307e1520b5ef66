package dev.bulwark.spi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Sniffs a {@link FileKind} from the first bytes of a file. Pure and cheap: no allocation beyond locals. */
public final class Magic {

  private Magic() {}

  public static FileKind sniff(byte[] head) {
    int n = head.length;
    if (n == 0) {
      return FileKind.EMPTY;
    }
    if (startsWith(head, 0x50, 0x4B, 0x03, 0x04) || startsWith(head, 0x50, 0x4B, 0x05, 0x06)
        || startsWith(head, 0x50, 0x4B, 0x07, 0x08)) {
      return FileKind.ZIP;
    }
    if (startsWith(head, 0x1F, 0x8B)) return FileKind.GZIP;
    if (startsWith(head, 'B', 'Z', 'h')) return FileKind.BZIP2;
    if (startsWith(head, 0xFD, '7', 'z', 'X', 'Z', 0x00)) return FileKind.XZ;
    if (startsWith(head, 0x28, 0xB5, 0x2F, 0xFD)) return FileKind.ZSTD;
    if (startsWith(head, 0x04, 0x22, 0x4D, 0x18)) return FileKind.LZ4;
    if (startsWith(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) return FileKind.SEVEN_Z;
    if (startsWith(head, 0x93, 'N', 'U', 'M', 'P', 'Y')) return FileKind.NUMPY;
    if (startsWith(head, 'G', 'G', 'U', 'F')) return FileKind.GGUF;
    if (startsWith(head, 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n')) return FileKind.HDF5;
    if (startsWith(head, 0x7F, 'E', 'L', 'F')) return FileKind.ELF;
    if (startsWith(head, 0xCF, 0xFA, 0xED, 0xFE) || startsWith(head, 0xFE, 0xED, 0xFA, 0xCF)
        || startsWith(head, 0xCA, 0xFE, 0xBA, 0xBE) && !isJavaClass(head)) return FileKind.MACH_O;
    if (startsWith(head, 'M', 'Z')) return FileKind.PE;
    if (startsWith(head, "SQLite format 3\0")) return FileKind.SQLITE;
    if (startsWith(head, 'P', 'A', 'R', '1')) return FileKind.PARQUET;
    if (startsWith(head, "ARROW1")) return FileKind.ARROW;
    if (startsWith(head, "%PDF-")) return FileKind.PDF;
    if (startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF) || startsWith(head, "GIF8")) {
      return FileKind.IMAGE;
    }
    if (isTar(head)) return FileKind.TAR;
    if (isPickle(head)) return FileKind.PICKLE;
    if (isSafetensors(head)) return FileKind.SAFETENSORS;
    return looksLikeText(head) ? FileKind.TEXT : FileKind.BINARY;
  }

  /** A pickle with protocol 2+ starts with PROTO (0x80) and a protocol byte 2..5. */
  static boolean isPickle(byte[] h) {
    if (h.length >= 2 && (h[0] & 0xFF) == 0x80 && h[1] >= 2 && h[1] <= 5) {
      return true;
    }
    // Protocol 0/1 pickles have no header. Only the strong opening counts here: 'c' GLOBAL with
    // "module\nname\n" (both identifiers) followed by an opcode that follows a GLOBAL in real pickles (PUT,
    // MARK, BINPUT, EMPTY_TUPLE, REDUCE, STOP, NONE). Text such as a README ("cachetools\n=====\n") or a Java
    // service file ("com.x.A\ncom.x.B\n") looks like a GLOBAL too; the model analyzer disassembles anything
    // else that might be a text pickle itself.
    if (h.length >= 3 && h[0] == 'c') {
      int nl = indexOf(h, (byte) '\n', 1, Math.min(h.length, 256));
      if (nl <= 1 || !isIdentifierRun(h, 1, nl)) {
        return false;
      }
      int nl2 = indexOf(h, (byte) '\n', nl + 1, Math.min(h.length, 512));
      return nl2 > nl + 1 && isIdentifierRun(h, nl + 1, nl2) && nl2 + 1 < h.length && "p(q)R.N".indexOf(h[nl2 + 1]) >= 0;
    }
    return false;
  }

  static boolean isSafetensors(byte[] h) {
    if (h.length < 10) {
      return false;
    }
    long len = ByteBuffer.wrap(h, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    return len > 1 && len < 100_000_000L && h[8] == '{' && (h[9] == '"' || h[9] == ' ' || h[9] == '}');
  }

  static boolean isTar(byte[] h) {
    return h.length >= 263 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
  }

  private static boolean isJavaClass(byte[] h) {
    // CAFEBABE is also a Java class file: major version (bytes 6-7) is >= 45 for classes, small for fat Mach-O
    return h.length >= 8 && ((h[6] & 0xFF) << 8 | (h[7] & 0xFF)) >= 45;
  }

  /** Text when the head has no NUL byte and is mostly printable (UTF-8 multibyte counts as printable). */
  public static boolean looksLikeText(byte[] h) {
    int control = 0;
    for (byte b : h) {
      int c = b & 0xFF;
      if (c == 0) {
        return false;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) {
        control++;
      }
    }
    return control * 20 < h.length + 1;
  }

  private static boolean isIdentifierRun(byte[] h, int from, int to) {
    for (int i = from; i < to; i++) {
      int c = h[i] & 0xFF;
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] h, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (h[i] == b) {
        return i;
      }
    }
    return -1;
  }

  public static boolean startsWith(byte[] h, int... magic) {
    if (h.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((h[i] & 0xFF) != (magic[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }

  public static boolean startsWith(byte[] h, String ascii) {
    if (h.length < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if ((h[i] & 0xFF) != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
