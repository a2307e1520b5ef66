package dev.bulwark.sbom.os;

import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The header blobs of rpm's own "ndb" database ({@code Packages.db}, SUSE since openSUSE 15.x / SLES 15), read
 * from the bytes. Layout (rpm's {@code lib/backend/ndb/rpmpkg.c}, all integers little-endian): a 32-byte
 * header (magic {@code RpmP}, version 0, generation, number of 4 KiB slot pages, next package index), then the
 * rest of the slot pages as 16-byte slots ({@code Slot}, package index, block offset, block count; package
 * index 0 = free). A package's blob starts at block offset × 16: a 16-byte head ({@code BlbS}, package index,
 * generation, blob length), the header blob, padding and a 12-byte tail (adler32, length, {@code BTal}) ending
 * the block count × 16 bytes. Every offset and length is checked against the file and the limits.
 */
final class RpmNdb {

  static final int SLOT_PAGE = 4096;
  private static final int BLOCK = 16;
  private static final int BLOB_HEAD = 16;
  private static final int BLOB_TAIL = 12;

  private RpmNdb() {}

  /** True when {@code head} starts with the NDB magic. */
  static boolean looksLikeNdb(byte[] head) {
    return head.length >= 4 && head[0] == 'R' && head[1] == 'p' && head[2] == 'm' && head[3] == 'P';
  }

  static void read(String path, byte[] data, int maxBlob, int maxBlobs, RpmBerkeleyDb.Values values) throws IOException {
    if (data.length < 32 || !looksLikeNdb(data)) {
      throw bad(path, data.length < 32 ? "file truncated: " + data.length + " bytes, no complete header" : "no RpmP magic");
    }
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    int version = b.getInt(4);
    if (version != 0) {
      throw bad(path, "unsupported version " + Integer.toUnsignedString(version));
    }
    long slotPages = Integer.toUnsignedLong(b.getInt(12));
    long slotsEnd = slotPages * SLOT_PAGE;
    if (slotPages == 0 || slotsEnd > data.length) {
      throw bad(path, slotPages + " slot pages do not fit in the file of " + data.length + " bytes");
    }
    long budget = data.length;
    int count = 0;
    for (int at = 32; at < slotsEnd; at += BLOCK) {
      if (data[at] != 'S' || data[at + 1] != 'l' || data[at + 2] != 'o' || data[at + 3] != 't') {
        throw bad(path, "slot " + at / BLOCK + " has no Slot magic");
      }
      long pkgIdx = Integer.toUnsignedLong(b.getInt(at + 4));
      if (pkgIdx == 0) {
        continue;
      }
      long start = Integer.toUnsignedLong(b.getInt(at + 8)) * BLOCK;
      long size = Integer.toUnsignedLong(b.getInt(at + 12)) * BLOCK;
      if (start < slotsEnd || start + size > data.length) {
        throw bad(path, "package " + pkgIdx + " blob (" + size + " bytes at " + start + ") lies outside the file of "
            + data.length + " bytes");
      }
      if (size < BLOB_HEAD + BLOB_TAIL) {
        throw bad(path, "package " + pkgIdx + " blob of " + size + " bytes is too short");
      }
      int s = (int) start;
      int e = (int) (start + size);
      if (data[s] != 'B' || data[s + 1] != 'l' || data[s + 2] != 'b' || data[s + 3] != 'S') {
        throw bad(path, "package " + pkgIdx + " blob at " + start + " has no BlbS magic");
      }
      if (Integer.toUnsignedLong(b.getInt(s + 4)) != pkgIdx) {
        throw bad(path, "blob at " + start + " belongs to package " + Integer.toUnsignedString(b.getInt(s + 4)) + ", not " + pkgIdx);
      }
      long length = Integer.toUnsignedLong(b.getInt(s + 12));
      if (length > size - BLOB_HEAD - BLOB_TAIL || length > maxBlob) {
        throw bad(path, "package " + pkgIdx + " blob length " + length + " exceeds its " + size + "-byte block"
            + (length > maxBlob ? " or the limit of " + maxBlob : ""));
      }
      if (data[e - 4] != 'B' || data[e - 3] != 'T' || data[e - 2] != 'a' || data[e - 1] != 'l'
          || Integer.toUnsignedLong(b.getInt(e - 8)) != length) {
        throw bad(path, "package " + pkgIdx + " blob at " + start + " has no matching BTal tail");
      }
      budget -= length;
      if (budget < 0) {
        throw bad(path, "blobs add up to more bytes than the file holds (overlapping slots)");
      }
      if (++count > maxBlobs) {
        throw bad(path, "more than " + maxBlobs + " packages");
      }
      values.accept(Arrays.copyOfRange(data, s + BLOB_HEAD, s + BLOB_HEAD + (int) length));
    }
  }

  private static UnreadableInputException bad(String path, String problem) {
    return new UnreadableInputException(path, "NDB rpm database: " + problem);
  }
}
