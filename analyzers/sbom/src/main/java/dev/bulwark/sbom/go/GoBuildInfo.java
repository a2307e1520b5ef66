package dev.bulwark.sbom.go;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Locates and decodes the build information blob that the Go linker embeds ({@code \xff Go buildinf:}, in the
 * {@code .go.buildinfo} section of ELF files, elsewhere found at a 16-byte aligned offset). Only the inline
 * format of Go 1.18 and later is decoded; older binaries keep pointers into the data segment and yield nothing.
 */
final class GoBuildInfo {

  static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
  private static final int HEADER = 32;
  private static final int BLOB_MAX = 4 << 20;

  record Info(String goVersion, String modInfo) {}

  private GoBuildInfo() {}

  /** Decodes the blob starting at the magic; empty for the pre-1.18 pointer format or a damaged blob. */
  static Optional<Info> decode(byte[] blob) {
    if (blob.length < HEADER || !Arrays.equals(blob, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return Optional.empty();
    }
    int flags = blob[15] & 0xFF;
    if ((flags & 0x2) == 0) {
      return Optional.empty();
    }
    int[] pos = {HEADER};
    String version = varString(blob, pos);
    String mod = varString(blob, pos);
    if (version == null || mod == null) {
      return Optional.empty();
    }
    // the module info is framed by 16-byte sentinels
    if (mod.length() >= 33 && mod.charAt(mod.length() - 17) == '\n') {
      mod = mod.substring(16, mod.length() - 16);
    }
    return Optional.of(new Info(version, mod));
  }

  private static String varString(byte[] b, int[] pos) {
    long len = 0;
    int shift = 0;
    int p = pos[0];
    while (p < b.length) {
      int c = b[p++] & 0xFF;
      len |= (long) (c & 0x7F) << shift;
      if ((c & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 35) {
        return null;
      }
    }
    if (len < 0 || p + len > b.length) {
      return null;
    }
    pos[0] = p + (int) len;
    return new String(b, p, (int) len, StandardCharsets.UTF_8);
  }

  /** For an ELF file on disk: the file offset of the {@code .go.buildinfo} section, or -1 when it has none. */
  static long elfSectionOffset(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer ident = read(ch, 0, 64);
      boolean is64 = ident.get(4) == 2;
      ByteOrder order = ident.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      ident.order(order);
      long shoff = is64 ? ident.getLong(0x28) : Integer.toUnsignedLong(ident.getInt(0x20));
      int shentsize = Short.toUnsignedInt(ident.getShort(is64 ? 0x3A : 0x2E));
      int shnum = Short.toUnsignedInt(ident.getShort(is64 ? 0x3C : 0x30));
      int shstrndx = Short.toUnsignedInt(ident.getShort(is64 ? 0x3E : 0x32));
      long size = ch.size();
      if (shoff <= 0 || shnum == 0 || shnum > 4096 || shentsize < (is64 ? 64 : 40) || shoff + (long) shnum * shentsize > size
          || shstrndx >= shnum) {
        return -1;
      }
      ByteBuffer sh = read(ch, shoff, shnum * shentsize).order(order);
      long strOff = offsetOf(sh, shstrndx * shentsize, is64);
      long strSize = sizeOf(sh, shstrndx * shentsize, is64);
      if (strOff < 0 || strSize <= 0 || strSize > 1 << 20 || strOff + strSize > size) {
        return -1;
      }
      ByteBuffer names = read(ch, strOff, (int) strSize);
      byte[] want = ".go.buildinfo\0".getBytes(StandardCharsets.ISO_8859_1);
      for (int i = 0; i < shnum; i++) {
        int nameOff = sh.getInt(i * shentsize);
        if (nameOff >= 0 && nameOff + want.length <= strSize && matches(names, nameOff, want)) {
          return offsetOf(sh, i * shentsize, is64);
        }
      }
      return -1;
    }
  }

  private static boolean matches(ByteBuffer names, int at, byte[] want) {
    for (int j = 0; j < want.length; j++) {
      if (names.get(at + j) != want[j]) {
        return false;
      }
    }
    return true;
  }

  private static long offsetOf(ByteBuffer sh, int base, boolean is64) {
    return is64 ? sh.getLong(base + 0x18) : Integer.toUnsignedLong(sh.getInt(base + 0x10));
  }

  private static long sizeOf(ByteBuffer sh, int base, boolean is64) {
    return is64 ? sh.getLong(base + 0x20) : Integer.toUnsignedLong(sh.getInt(base + 0x14));
  }

  static byte[] readBlob(Path file, long offset) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      int n = (int) Math.min(BLOB_MAX, ch.size() - offset);
      if (n <= 0) {
        return new byte[0];
      }
      ByteBuffer b = read(ch, offset, n);
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    }
  }

  private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        break;
      }
    }
    b.flip();
    return b;
  }

  /** Streams the file looking for the magic at 16-byte aligned offsets, up to {@code limit} bytes. */
  static Optional<byte[]> scan(InputStream in, long limit) throws IOException {
    byte[] buf = new byte[1 << 16];
    long offset = 0;
    byte[] carry = new byte[0];
    while (offset < limit) {
      int n = in.readNBytes(buf, 0, buf.length);
      if (n <= 0) {
        return Optional.empty();
      }
      for (int i = 0; i + MAGIC.length <= n; i += 16) {
        if (Arrays.equals(buf, i, i + MAGIC.length, MAGIC, 0, MAGIC.length)) {
          byte[] head = Arrays.copyOfRange(buf, i, n);
          byte[] rest = in.readNBytes(BLOB_MAX - head.length);
          byte[] blob = Arrays.copyOf(head, head.length + rest.length);
          System.arraycopy(rest, 0, blob, head.length, rest.length);
          return Optional.of(blob);
        }
      }
      offset += n;
      if (n < buf.length) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
