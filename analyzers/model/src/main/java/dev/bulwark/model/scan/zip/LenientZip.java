package dev.bulwark.model.scan.zip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a zip the way PyTorch's loader does, not the way {@code java.util.zip} does: from the central
 * directory, tolerating bad CRCs, odd flags, differing local names and data in front of the archive
 * (all recorded as anomalies), with zip64 support and a local-header walk when there is no central
 * directory. Member data is read lazily through {@link ZipMemberStream}.
 */
public final class LenientZip {
  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int LOCAL = 0x04034b50;

  private final SeekableByteChannel ch;
  private final long size;
  private final List<ZipEntryInfo> entries = new ArrayList<>();
  private final List<String> anomalies = new ArrayList<>();
  private long prefixBytes;

  private LenientZip(SeekableByteChannel ch) throws IOException {
    this.ch = ch;
    this.size = ch.size();
  }

  /** Reads the directory; throws {@link ZipFormatException} when neither directory nor local headers make sense. */
  public static LenientZip open(SeekableByteChannel ch, int maxEntries) throws IOException {
    LenientZip z = new LenientZip(ch);
    if (!z.readCentralDirectory(maxEntries)) {
      z.entries.clear();
      z.walkLocalHeaders(maxEntries);
    }
    z.checkNames();
    return z;
  }

  public List<ZipEntryInfo> entries() {
    return entries;
  }

  /** Inconsistencies a writer never produces; each is a reason to suspect tampering. */
  public List<String> anomalies() {
    return anomalies;
  }

  /** Bytes before the first member (a polyglot's other half). */
  public long prefixBytes() {
    return prefixBytes;
  }

  public SeekableByteChannel channel() {
    return ch;
  }

  private boolean readCentralDirectory(int maxEntries) throws IOException {
    int tail = (int) Math.min(size, 65_557);
    ByteBuffer t = read(size - tail, tail);
    int eocd = -1;
    for (int i = tail - 22; i >= 0; i--) {
      if (t.getInt(i) == EOCD) {
        int commentLen = t.getShort(i + 20) & 0xFFFF;
        if (i + 22 + commentLen == tail || eocd < 0) {
          eocd = i;
          if (i + 22 + commentLen == tail) break;
        }
      }
    }
    if (eocd < 0) {
      anomalies.add("no end-of-central-directory record; members read from local headers");
      return false;
    }
    long eocdPos = size - tail + eocd;
    long count = t.getShort(eocd + 10) & 0xFFFF;
    long cdSize = t.getInt(eocd + 12) & 0xFFFFFFFFL;
    long cdOffset = t.getInt(eocd + 16) & 0xFFFFFFFFL;
    long cdEnd = eocdPos;
    if (eocdPos >= 20 && eocd >= 20 && t.getInt(eocd - 20) == ZIP64_LOCATOR) {
      long z64 = t.getLong(eocd - 20 + 8);
      long z64Pos = z64;
      ByteBuffer r = z64 >= 0 && z64 + 56 <= size ? read(z64, 56) : null;
      if (r == null || r.getInt(0) != ZIP64_EOCD) {
        // the locator's offset may also be shifted by a prefix: find the record just before the locator
        long guess = eocdPos - 20 - 56;
        r = guess >= 0 ? read(guess, 56) : null;
        z64Pos = guess;
      }
      if (r != null && r.getInt(0) == ZIP64_EOCD) {
        count = r.getLong(32);
        cdSize = r.getLong(40);
        cdOffset = r.getLong(48);
        cdEnd = z64Pos;
      }
    }
    if (cdSize < 0 || cdOffset < 0 || count < 0 || cdSize > size || cdOffset > size) {
      anomalies.add("end record declares impossible sizes (" + count + " members, " + cdSize + " bytes at " + cdOffset + ")");
      return false;
    }
    long delta = cdEnd - cdSize - cdOffset;
    if (delta < 0 || cdEnd - cdSize < 0) {
      anomalies.add("central directory size or offset is inconsistent with the end record");
      delta = 0;
      if (cdOffset + cdSize > size) {
        return false;
      }
    }
    if (count > maxEntries) {
      throw new ZipFormatException("zip declares " + count + " members, more than the limit of " + maxEntries);
    }
    if (cdSize > 256L << 20) {
      throw new ZipFormatException("central directory of " + cdSize + " bytes is too large");
    }
    ByteBuffer cd = read(cdOffset + delta, (int) cdSize);
    int p = 0;
    Set<String> seen = new HashSet<>();
    int cdLen = cd.limit();
    while (p + 46 <= cdLen && cd.getInt(p) == CENTRAL) {
      if (entries.size() >= maxEntries) {
        throw new ZipFormatException("zip has more than " + maxEntries + " members");
      }
      int flags = cd.getShort(p + 8) & 0xFFFF;
      int method = cd.getShort(p + 10) & 0xFFFF;
      long crc = cd.getInt(p + 16) & 0xFFFFFFFFL;
      long csize = cd.getInt(p + 20) & 0xFFFFFFFFL;
      long usize = cd.getInt(p + 24) & 0xFFFFFFFFL;
      int nameLen = cd.getShort(p + 28) & 0xFFFF;
      int extraLen = cd.getShort(p + 30) & 0xFFFF;
      int commentLen = cd.getShort(p + 32) & 0xFFFF;
      long local = cd.getInt(p + 42) & 0xFFFFFFFFL;
      if (p + 46 + nameLen + extraLen > cdLen) {
        break;
      }
      String name = text(cd, p + 46, nameLen);
      long[] z64 = {usize, csize, local};
      zip64Extra(cd, p + 46 + nameLen, extraLen, z64);
      usize = z64[0];
      csize = z64[1];
      local = z64[2] + delta;
      if (!seen.add(name)) {
        anomalies.add("duplicate member name '" + name + "'");
      }
      entries.add(withLocalHeader(name, method, flags, csize, usize, crc, local));
      p += 46 + nameLen + extraLen + commentLen;
    }
    if (entries.size() != count && count != 0xFFFF) {
      anomalies.add("central directory lists " + entries.size() + " members but the end record says " + count);
    }
    long first = entries.stream().mapToLong(ZipEntryInfo::localHeaderOffset).min().orElse(cdOffset + delta);
    prefixBytes = first;
    if (first > 0) {
      anomalies.add(first + " bytes of other data in front of the zip (polyglot file)");
    }
    return !entries.isEmpty() || count == 0;
  }

  private ZipEntryInfo withLocalHeader(String name, int method, int flags, long csize, long usize, long crc, long local)
      throws IOException {
    if (local < 0 || local + 30 > size) {
      anomalies.add("member '" + name + "' has its local header outside the file");
      return new ZipEntryInfo(name, null, method, flags, csize, usize, crc, local, -1);
    }
    ByteBuffer h = read(local, 30);
    if (h.getInt(0) != LOCAL) {
      anomalies.add("member '" + name + "' has no local header at its offset");
      return new ZipEntryInfo(name, null, method, flags, csize, usize, crc, local, -1);
    }
    int nameLen = h.getShort(26) & 0xFFFF;
    int extraLen = h.getShort(28) & 0xFFFF;
    String localName = local + 30 + nameLen <= size ? text(read(local + 30, nameLen), 0, nameLen) : "";
    if (!localName.equals(name)) {
      anomalies.add("member '" + name + "' is called '" + localName + "' in its local header");
    }
    int localMethod = h.getShort(8) & 0xFFFF;
    if (localMethod != method) {
      anomalies.add("member '" + name + "' has compression method " + localMethod + " locally and " + method + " centrally");
    }
    long data = local + 30 + nameLen + extraLen;
    if (data + csize > size) {
      anomalies.add("member '" + name + "' extends past the end of the file");
    }
    return new ZipEntryInfo(name, localName, method, flags, csize, usize, crc, local, data);
  }

  private void walkLocalHeaders(int maxEntries) throws IOException {
    long p = 0;
    ByteBuffer head = read(0, (int) Math.min(size, 1 << 16));
    int start = -1;
    for (int i = 0; i + 4 <= head.limit(); i++) {
      if (head.getInt(i) == LOCAL) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      throw new ZipFormatException("neither a central directory nor local headers found");
    }
    p = start;
    prefixBytes = start;
    if (start > 0) {
      anomalies.add(start + " bytes of other data in front of the zip (polyglot file)");
    }
    while (p + 30 <= size && entries.size() < maxEntries) {
      ByteBuffer h = read(p, 30);
      if (h.getInt(0) != LOCAL) {
        break;
      }
      int flags = h.getShort(6) & 0xFFFF;
      int method = h.getShort(8) & 0xFFFF;
      long crc = h.getInt(14) & 0xFFFFFFFFL;
      long csize = h.getInt(18) & 0xFFFFFFFFL;
      long usize = h.getInt(22) & 0xFFFFFFFFL;
      int nameLen = h.getShort(26) & 0xFFFF;
      int extraLen = h.getShort(28) & 0xFFFF;
      String name = text(read(p + 30, nameLen), 0, nameLen);
      long data = p + 30 + nameLen + extraLen;
      if ((flags & 8) != 0 && csize == 0) {
        if (method != 8) {
          anomalies.add("member '" + name + "' has no sizes and is not deflated; stopped reading local headers");
          break;
        }
        csize = ZipMemberStream.deflatedLength(ch, data);
      }
      entries.add(new ZipEntryInfo(name, name, method, flags, csize, usize, crc, p, data));
      p = data + csize;
      if ((flags & 8) != 0) {
        ByteBuffer d = p + 4 <= size ? read(p, 4) : null;
        p += d != null && d.getInt(0) == 0x08074b50 ? 16 : 12;
      }
    }
  }

  private void checkNames() {
    for (ZipEntryInfo e : entries) {
      String n = e.name();
      if (n.startsWith("/") || n.startsWith("\\") || n.contains("../") || n.contains("..\\") || n.equals("..")
          || (n.length() > 1 && n.charAt(1) == ':')) {
        anomalies.add("member name '" + n + "' escapes the archive");
      }
      if (e.isEncrypted()) {
        anomalies.add("member '" + n + "' is encrypted");
      }
    }
  }

  private static void zip64Extra(ByteBuffer b, int from, int len, long[] vals) {
    int p = from;
    int end = from + len;
    while (p + 4 <= end) {
      int id = b.getShort(p) & 0xFFFF;
      int sz = b.getShort(p + 2) & 0xFFFF;
      if (id == 0x0001) {
        int q = p + 4;
        for (int i = 0; i < 3; i++) {
          if (vals[i] == 0xFFFFFFFFL && q + 8 <= p + 4 + sz && q + 8 <= end) {
            vals[i] = b.getLong(q);
            q += 8;
          }
        }
        return;
      }
      p += 4 + sz;
    }
  }

  private static String text(ByteBuffer b, int from, int len) {
    len = Math.max(0, Math.min(len, b.limit() - from));
    byte[] out = new byte[len];
    b.get(from, out);
    return new String(out, StandardCharsets.UTF_8);
  }

  ByteBuffer read(long pos, int len) throws IOException {
    if (pos < 0 || len < 0 || pos > size) {
      throw new ZipFormatException("zip structure points to " + len + " bytes at offset " + pos
          + ", outside the " + size + "-byte file");
    }
    ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
    synchronized (ch) {
      ch.position(pos);
      while (b.hasRemaining()) {
        if (ch.read(b) < 0) {
          break;
        }
      }
    }
    b.flip();
    if (b.limit() < len) {
      ByteBuffer full = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
      full.put(b);
      full.flip();
      full.limit(b.limit());
      return full;
    }
    return b;
  }
}
