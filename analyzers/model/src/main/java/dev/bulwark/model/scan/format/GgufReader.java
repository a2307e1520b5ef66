package dev.bulwark.model.scan.format;

import dev.bulwark.model.scan.pickle.ByteSource;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streams a GGUF header (versions 1 to 3): metadata and tensor infos, every count and length checked
 * against the file size and fixed bounds before anything is allocated. Tensor data is never read.
 */
public final class GgufReader {
  private static final long MAX_STRING = 16L << 20;
  private static final long MAX_KV = 1_000_000;
  private static final long MAX_TENSORS = 10_000_000;
  private static final long MAX_ARRAY = 100_000_000;
  private static final int MAX_DIMS = 8;
  private static final int KEEP_STRING = 1 << 20;

  /** Block size (elements) and bytes per block of each ggml type, indexed by type id; 0 when unknown. */
  private static final int[][] TYPE_SIZES = new int[64][];

  static {
    int[][] t = {{0, 1, 4}, {1, 1, 2}, {2, 32, 18}, {3, 32, 20}, {6, 32, 22}, {7, 32, 24}, {8, 32, 34}, {9, 32, 36},
        {10, 256, 84}, {11, 256, 110}, {12, 256, 144}, {13, 256, 176}, {14, 256, 210}, {15, 256, 292},
        {16, 256, 66}, {17, 256, 74}, {18, 256, 98}, {19, 256, 50}, {20, 32, 18}, {21, 256, 110}, {22, 256, 82},
        {23, 256, 136}, {24, 1, 1}, {25, 1, 2}, {26, 1, 4}, {27, 1, 8}, {28, 1, 8}, {29, 256, 56}, {30, 1, 2},
        {34, 256, 54}, {35, 256, 66}, {39, 32, 17}};
    for (int[] e : t) {
      TYPE_SIZES[e[0]] = new int[] {e[1], e[2]};
    }
  }

  /** The header; {@code problems} lists every violation found (empty for a valid file). */
  public record Info(int version, long tensorCount, Map<String, Object> metadata, long parameters,
      java.util.List<String> problems) {}

  private final ByteSource in;
  private final long size;
  private int version;
  private final java.util.List<String> problems = new java.util.ArrayList<>();

  private GgufReader(InputStream in, long size) {
    this.in = new ByteSource(in);
    this.size = size;
  }

  public static Info read(InputStream stream, long size) throws IOException {
    return new GgufReader(stream, size).read();
  }

  private Info read() throws IOException {
    Map<String, Object> meta = new LinkedHashMap<>();
    long params = 0;
    long tensors = 0;
    try {
      byte[] magic = in.readFully(4);
      if (magic[0] != 'G' || magic[1] != 'G' || magic[2] != 'U' || magic[3] != 'F') {
        problems.add("no GGUF magic");
        return info(meta, 0, 0);
      }
      version = (int) in.readLittleEndian(4);
      if (version < 1 || version > 3) {
        problems.add("unknown GGUF version " + version);
        return info(meta, 0, 0);
      }
      tensors = count(version == 1 ? in.readLittleEndian(4) : in.readLittleEndian(8), MAX_TENSORS, "tensor count");
      long kvs = count(version == 1 ? in.readLittleEndian(4) : in.readLittleEndian(8), MAX_KV, "metadata count");
      for (long i = 0; i < kvs; i++) {
        String key = string();
        int type = (int) in.readLittleEndian(4);
        Object v = value(type, key, 0);
        if (v != null) {
          meta.put(key, v);
        }
      }
      long alignment = meta.get("general.alignment") instanceof Long a ? a : 32;
      if (alignment <= 0 || (alignment & (alignment - 1)) != 0) {
        problems.add("general.alignment " + alignment + " is not a power of two");
        alignment = 32;
      }
      long maxEnd = 0;
      for (long i = 0; i < tensors; i++) {
        String name = string();
        long dims = in.readLittleEndian(4) & 0xFFFFFFFFL;
        if (dims > MAX_DIMS) {
          problems.add("tensor '" + name + "' has " + dims + " dimensions");
          return info(meta, tensors, params);
        }
        long elems = 1;
        for (int d = 0; d < dims; d++) {
          long n = in.readLittleEndian(8);
          if (n < 0) {
            problems.add("tensor '" + name + "' has a negative dimension");
            n = 0;
          }
          elems = sat(elems, n);
        }
        int type = (int) in.readLittleEndian(4);
        long offset = in.readLittleEndian(8);
        params = params + elems < 0 ? Long.MAX_VALUE : params + elems;
        if (type < 0 || type >= TYPE_SIZES.length) {
          problems.add("tensor '" + name + "' has unknown type " + type);
          continue;
        }
        if (offset < 0 || offset % alignment != 0) {
          problems.add("tensor '" + name + "' has misaligned offset " + offset);
        }
        int[] ts = TYPE_SIZES[type];
        if (ts != null) {
          if (elems % ts[0] != 0) {
            problems.add("tensor '" + name + "' has " + elems + " elements, not a multiple of its block size");
          }
          maxEnd = Math.max(maxEnd, sat(offset, 1) + sat(elems / ts[0], ts[1]));
        }
      }
      long dataStart = (in.position() + alignment - 1) / alignment * alignment;
      if (tensors > 0 && dataStart + maxEnd > size) {
        problems.add("tensor data ends at " + (dataStart + maxEnd) + ", past the end of the " + size + "-byte file");
      }
    } catch (EOFException e) {
      problems.add("header cut short at offset " + in.position());
    }
    return info(meta, tensors, params);
  }

  private Info info(Map<String, Object> meta, long tensors, long params) {
    return new Info(version, tensors, meta, params, java.util.List.copyOf(problems));
  }

  private long count(long n, long max, String what) throws IOException {
    if (n < 0 || n > max || n > size) {
      problems.add(what + " " + Long.toUnsignedString(n) + " is out of bounds");
      throw new EOFException(what);
    }
    return n;
  }

  private Object value(int type, String key, int depth) throws IOException {
    switch (type) {
      case 0, 1, 7 -> { return (long) in.readByte(); }
      case 2, 3 -> { return in.readLittleEndian(2); }
      case 4 -> { return in.readLittleEndian(4); }
      case 5 -> { return (long) (int) in.readLittleEndian(4); }
      case 6 -> { return (double) Float.intBitsToFloat((int) in.readLittleEndian(4)); }
      case 10, 11 -> { return in.readLittleEndian(8); }
      case 12 -> { return Double.longBitsToDouble(in.readLittleEndian(8)); }
      case 8 -> {
        return string();
      }
      case 9 -> {
        if (depth > 2) {
          problems.add("metadata '" + key + "' nests arrays too deeply");
          throw new EOFException("nesting");
        }
        int et = (int) in.readLittleEndian(4);
        long n = version == 1 ? in.readLittleEndian(4) & 0xFFFFFFFFL : in.readLittleEndian(8);
        if (n < 0 || n > MAX_ARRAY || n > size) {
          problems.add("metadata '" + key + "' has an array of " + Long.toUnsignedString(n) + " elements");
          throw new EOFException("array");
        }
        java.util.List<Object> keep = new java.util.ArrayList<>();
        for (long i = 0; i < n; i++) {
          Object v = value(et, key, depth + 1);
          if (keep.size() < 16) keep.add(v);
        }
        return new ArraySummary(et, n, keep);
      }
      default -> {
        problems.add("metadata '" + key + "' has unknown value type " + type);
        throw new EOFException("type");
      }
    }
  }

  /** An array value: element type, length and its first elements. */
  public record ArraySummary(int elementType, long length, java.util.List<Object> first) {}

  private String string() throws IOException {
    long len = version == 1 ? in.readLittleEndian(4) & 0xFFFFFFFFL : in.readLittleEndian(8);
    if (len < 0 || len > MAX_STRING || len > size) {
      problems.add("string of " + Long.toUnsignedString(len) + " bytes at offset " + in.position());
      throw new EOFException("string");
    }
    if (len > KEEP_STRING) {
      in.skip(len);
      return "";
    }
    return new String(in.readFully((int) len), StandardCharsets.UTF_8);
  }

  private static long sat(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }
}
