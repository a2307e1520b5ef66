package dev.bulwark.sbom.os;

import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.BitSet;

/**
 * The values of a Berkeley DB hash database, as rpm up to 4.15 stores its {@code Packages} file (RHEL/CentOS 8
 * and older, UBI 8, Amazon Linux 2): read-only, from the bytes, without libdb.
 *
 * <p>Layout (Berkeley DB 4.x/5.x on-disk format): page 0 is the hash metadata page (magic {@code 0x061561} at
 * offset 12, in the byte order of the machine that wrote it; page size at 20; encryption algorithm at 24;
 * metadata flags at 26, bit 0 = page checksums; last page number at 32). Every other page starts with a
 * 26-byte header (page number, previous and next page, entry count at 20, free-space offset at 22, level,
 * page type at 25), followed on checksummed databases by 6 checksum bytes, then the 2-byte item offsets.
 * Hash pages (type 13, or 2 for the unsorted pages of older releases) hold key/data item pairs; an item is
 * {@code H_KEYDATA} (type 1: the bytes follow inline, up to the previous item's offset) or {@code H_OFFPAGE}
 * (type 3: first overflow page at +4, total length at +8). Overflow pages (type 7) carry their byte count in
 * the free-space field and link to the next page of the chain.
 *
 * <p>Nothing is trusted: page numbers must lie in the file, overflow chains must not revisit a page and must add
 * up to the declared length, values are bounded, and all values together may not exceed the file's size (a
 * valid database stores each value once), so shared or cyclic chains cannot multiply the work.
 */
final class RpmBerkeleyDb {

  static final int HASH_MAGIC = 0x061561;

  private static final int P_HASH_UNSORTED = 2;
  private static final int P_OVERFLOW = 7;
  private static final int P_HASH = 13;
  private static final int H_KEYDATA = 1;
  private static final int H_DUPLICATE = 2;
  private static final int H_OFFPAGE = 3;
  private static final int H_OFFDUP = 4;
  private static final int PAGE_HEADER = 26;

  /** Receives each value (an rpm header blob, record 0 and values shorter than 8 bytes excluded). */
  interface Values {
    void accept(byte[] value) throws IOException;
  }

  private final String path;
  private final byte[] d;
  private final ByteBuffer b;
  private final int pageSize;
  private final long pages;
  private final int overhead;
  private final int maxValue;
  private long budget;

  private RpmBerkeleyDb(String path, byte[] data, ByteOrder order, int maxValue) throws UnreadableInputException {
    this.path = path;
    this.d = data;
    this.b = ByteBuffer.wrap(data).order(order);
    this.maxValue = maxValue;
    this.budget = data.length;
    this.pageSize = b.getInt(20);
    if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
      throw bad("implausible page size " + Integer.toUnsignedString(pageSize));
    }
    if (data.length < pageSize) {
      throw bad("file of " + data.length + " bytes is shorter than one " + pageSize + "-byte page");
    }
    if (data[24] != 0) {
      throw bad("encrypted Berkeley DB databases are not supported");
    }
    this.overhead = PAGE_HEADER + ((data[26] & 1) != 0 ? 6 : 0);
    this.pages = data.length / pageSize;
  }

  /** True when {@code head} starts like a Berkeley DB hash database (either byte order). */
  static boolean looksLikeHash(byte[] head) {
    return head.length >= 72 && order(head) != null;
  }

  private static ByteOrder order(byte[] head) {
    ByteBuffer b = ByteBuffer.wrap(head);
    if (b.order(ByteOrder.LITTLE_ENDIAN).getInt(12) == HASH_MAGIC) {
      return ByteOrder.LITTLE_ENDIAN;
    }
    return b.order(ByteOrder.BIG_ENDIAN).getInt(12) == HASH_MAGIC ? ByteOrder.BIG_ENDIAN : null;
  }

  /**
   * Hands every value of the database to {@code values}; at most {@code maxValues} values of at most
   * {@code maxValue} bytes each, else an {@link UnreadableInputException} naming {@code path}.
   */
  static void read(String path, byte[] data, int maxValue, int maxValues, Values values) throws IOException {
    if (data.length < 512) {
      throw new UnreadableInputException(path, "Berkeley DB file truncated: " + data.length + " bytes, no complete metadata page");
    }
    ByteOrder order = order(data);
    if (order == null) {
      throw new UnreadableInputException(path, "not a Berkeley DB hash database (no hash magic 0x061561)");
    }
    new RpmBerkeleyDb(path, data, order, maxValue).scan(maxValues, values);
  }

  private void scan(int maxValues, Values values) throws IOException {
    long last = Integer.toUnsignedLong(b.getInt(32));
    if (last >= pages) {
      throw bad("last page " + last + " is past the end of the file (" + pages + " pages of " + pageSize + " bytes)");
    }
    int count = 0;
    for (long p = 1; p <= last; p++) {
      int at = (int) (p * pageSize);
      int type = d[at + 25] & 0xff;
      if (type != P_HASH && type != P_HASH_UNSORTED) {
        continue;
      }
      int entries = u16(at + 20);
      if (overhead + 2L * entries > pageSize) {
        throw bad("hash page " + p + " claims " + entries + " entries, more than fit in a page");
      }
      for (int i = 0; i + 1 < entries; i += 2) {
        byte[] key = item(p, at, entries, i, true);
        if (key != null && key.length == 4 && key[0] == 0 && key[1] == 0 && key[2] == 0 && key[3] == 0) {
          continue; // record 0: rpm's counter of the last record number, not a header
        }
        byte[] value = item(p, at, entries, i + 1, false);
        if (value == null || value.length < 8) {
          continue;
        }
        if (++count > maxValues) {
          throw bad("more than " + maxValues + " records");
        }
        values.accept(value);
      }
    }
  }

  /** The bytes of item {@code i} of hash page {@code p}; null for duplicate sets (rpm writes none) and skipped keys. */
  private byte[] item(long p, int at, int entries, int i, boolean key) throws UnreadableInputException {
    int offset = u16(at + overhead + 2 * i);
    int end = i == 0 ? pageSize : u16(at + overhead + 2 * (i - 1));
    if (offset < overhead + 2 * entries || offset >= end || end > pageSize) {
      throw bad("hash page " + p + " item " + i + " has offset " + offset + " outside its page");
    }
    int type = d[at + offset] & 0xff;
    switch (type) {
      case H_KEYDATA -> {
        int length = end - offset - 1;
        if (length > maxValue) {
          throw bad("value of " + length + " bytes on page " + p + " exceeds the limit of " + maxValue);
        }
        take(length);
        byte[] v = new byte[length];
        System.arraycopy(d, at + offset + 1, v, 0, length);
        return v;
      }
      case H_OFFPAGE -> {
        if (end - offset < 12) {
          throw bad("hash page " + p + " item " + i + " is too short for an off-page reference");
        }
        if (key) {
          return null; // rpm's keys are 4-byte record numbers, never off-page; the value decides
        }
        long first = Integer.toUnsignedLong(b.getInt(at + offset + 4));
        long length = Integer.toUnsignedLong(b.getInt(at + offset + 8));
        return overflow(p, first, length);
      }
      case H_DUPLICATE, H_OFFDUP -> {
        return null;
      }
      default -> throw bad("hash page " + p + " item " + i + " has unknown type " + type);
    }
  }

  private byte[] overflow(long from, long first, long length) throws UnreadableInputException {
    if (length > maxValue) {
      throw bad("value of " + length + " bytes (page " + from + ") exceeds the limit of " + maxValue);
    }
    take(length);
    byte[] v = new byte[(int) length];
    int filled = 0;
    BitSet seen = new BitSet();
    long p = first;
    while (p != 0) {
      if (p >= pages) {
        throw bad("overflow page " + p + " (from page " + from + ") is past the end of the file (" + pages + " pages)");
      }
      if (seen.get((int) p)) {
        throw bad("overflow chain from page " + from + " loops back to page " + p);
      }
      seen.set((int) p);
      int at = (int) (p * pageSize);
      if ((d[at + 25] & 0xff) != P_OVERFLOW) {
        throw bad("page " + p + " of an overflow chain has type " + (d[at + 25] & 0xff) + ", not overflow");
      }
      int n = u16(at + 22);
      if (n > pageSize - overhead) {
        throw bad("overflow page " + p + " claims " + n + " bytes, more than fit in a page");
      }
      if (filled + (long) n > length) {
        throw bad("overflow chain from page " + from + " holds more than its declared " + length + " bytes");
      }
      System.arraycopy(d, at + overhead, v, filled, n);
      filled += n;
      p = Integer.toUnsignedLong(b.getInt(at + 16));
    }
    if (filled != length) {
      throw bad("overflow chain from page " + from + " holds " + filled + " of its declared " + length + " bytes");
    }
    return v;
  }

  private void take(long bytes) throws UnreadableInputException {
    budget -= bytes;
    if (budget < 0) {
      throw bad("values add up to more bytes than the file holds (shared or looping overflow chains)");
    }
  }

  private int u16(int at) {
    return b.getShort(at) & 0xffff;
  }

  private UnreadableInputException bad(String problem) {
    return new UnreadableInputException(path, "Berkeley DB rpm database: " + problem);
  }
}
