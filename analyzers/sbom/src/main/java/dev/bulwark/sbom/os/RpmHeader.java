package dev.bulwark.sbom.os;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An RPM header blob as stored in the rpm database: index count and data length, then 16-byte index entries
 * (tag, type, offset, count, big-endian) and the data store. Only the tags needed here are decoded; every
 * offset is bounds-checked, so a hostile blob yields an error, not an exception from the buffer.
 */
final class RpmHeader {

  static final int NAME = 1000;
  static final int VERSION = 1001;
  static final int RELEASE = 1002;
  static final int EPOCH = 1003;
  static final int LICENSE = 1014;
  static final int VENDOR = 1011;
  static final int ARCH = 1022;
  static final int SOURCERPM = 1044;
  static final int PROVIDENAME = 1047;
  static final int REQUIRENAME = 1049;

  private static final int MAX_ENTRIES = 100_000;

  private final Map<Integer, String> strings = new HashMap<>();
  private final Map<Integer, Integer> ints = new HashMap<>();
  private final Map<Integer, java.util.List<String>> arrays = new HashMap<>();

  private RpmHeader() {}

  static RpmHeader parse(byte[] blob) {
    if (blob.length < 8) {
      throw new IllegalArgumentException("header blob shorter than 8 bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(blob);
    int il = b.getInt(0);
    int dl = b.getInt(4);
    if (il < 0 || il > MAX_ENTRIES || dl < 0) {
      throw new IllegalArgumentException("implausible header sizes il=" + il + " dl=" + dl);
    }
    long dataStart = 8L + 16L * il;
    if (dataStart + dl > blob.length) {
      throw new IllegalArgumentException("header data (" + (dataStart + dl) + " bytes) exceeds the blob (" + blob.length + ")");
    }
    RpmHeader h = new RpmHeader();
    for (int i = 0; i < il; i++) {
      int at = 8 + 16 * i;
      int tag = b.getInt(at);
      int type = b.getInt(at + 4);
      int offset = b.getInt(at + 8);
      int count = b.getInt(at + 12);
      if (offset < 0 || offset >= dl) {
        continue;
      }
      int abs = (int) dataStart + offset;
      int end = (int) dataStart + dl;
      if (type == 8 && (tag == PROVIDENAME || tag == REQUIRENAME) && count > 0 && count <= MAX_ENTRIES) {
        java.util.List<String> values = new java.util.ArrayList<>();
        int z = abs;
        for (int k = 0; k < count && z < end; k++) {
          int startAt = z;
          while (z < end && blob[z] != 0) {
            z++;
          }
          values.add(new String(blob, startAt, z - startAt, StandardCharsets.UTF_8));
          z++;
        }
        h.arrays.putIfAbsent(tag, values);
        h.strings.putIfAbsent(tag, values.isEmpty() ? "" : values.get(0));
      } else if (type == 6 || type == 8 || type == 9) {
        int z = abs;
        while (z < end && blob[z] != 0) {
          z++;
        }
        h.strings.putIfAbsent(tag, new String(blob, abs, z - abs, StandardCharsets.UTF_8));
      } else if (type == 4 && abs + 4 <= end) {
        h.ints.putIfAbsent(tag, b.getInt(abs));
      }
    }
    return h;
  }

  String string(int tag) {
    return strings.get(tag);
  }

  java.util.List<String> strings(int tag) {
    return arrays.getOrDefault(tag, java.util.List.of());
  }

  Integer integer(int tag) {
    return ints.get(tag);
  }
}
