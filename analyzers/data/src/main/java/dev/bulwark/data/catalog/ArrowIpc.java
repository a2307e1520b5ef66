package dev.bulwark.data.catalog;

import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the schema and row count of an Arrow IPC file ({@code ARROW1} magic) or stream (what Hugging Face
 * {@code datasets} caches) without a dependency: it walks the encapsulated messages, parses the flatbuffer
 * metadata by hand and skips every body by seeking, so the work is proportional to the number of record
 * batches, not the file size. Every offset is bounds-checked; malformed input is an
 * {@link UnreadableInputException}.
 */
public final class ArrowIpc {

  /** Schema and counts; {@code complete} is false when the message bound stopped the walk (rows estimated). */
  public record Info(List<String> names, List<String> types, long rows, long batches, boolean complete) {}

  private static final int MAX_METADATA = 16 << 20;
  private static final String[] TYPES = {"none", "null", "int", "float", "binary", "utf8", "bool", "decimal", "date",
      "time", "timestamp", "interval", "list", "struct", "union", "fixed_size_binary", "fixed_size_list", "map",
      "duration", "large_binary", "large_utf8", "large_list", "run_end_encoded", "binary_view", "utf8_view",
      "list_view", "large_list_view"};

  private ArrowIpc() {}

  public static Info read(String path, Path file, long maxMessages) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      boolean fileFormat = startsWithMagic(ch);
      long pos = fileFormat ? 8 : 0;
      List<String> names = null;
      List<String> types = null;
      if (fileFormat && size >= 18) {
        // the file format ends with the footer, its int32 length and the magic again: the footer holds the
        // schema (some writers put it only there); the walk below stops before it
        int footer = readInt(ch, size - 10);
        if (footer <= 0 || footer > MAX_METADATA || footer > size - 18) {
          throw new UnreadableInputException(path, "Arrow file footer length " + footer + " is out of range");
        }
        size = size - 10 - footer;
        ByteBuffer meta = ByteBuffer.allocate(footer).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(meta, size);
        meta.flip();
        try {
          int root = meta.getInt(0);
          int schema = Flat.table(meta, root, 1);
          if (schema >= 0) {
            names = new ArrayList<>();
            types = new ArrayList<>();
            schema(meta, schema, names, types);
          }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
          throw new UnreadableInputException(path, "malformed Arrow file footer", e);
        }
      }
      long rows = 0;
      long batches = 0;
      long messages = 0;
      while (pos + 8 <= size) {
        if (messages++ >= maxMessages) {
          // estimate the rest from the average batch density so far
          long estimate = batches == 0 ? rows : Math.round(rows * (double) size / pos);
          return new Info(orEmpty(names), orEmpty(types), estimate, batches, false);
        }
        int marker = readInt(ch, pos);
        long metaStart = pos + 4;
        int len = marker;
        if (marker == -1) {
          len = readInt(ch, pos + 4);
          metaStart = pos + 8;
        }
        if (len == 0) {
          break; // end-of-stream marker
        }
        if (len < 0 || len > MAX_METADATA || metaStart + len > size) {
          throw new UnreadableInputException(path, "Arrow message at offset " + pos + " has a bad metadata length " + len);
        }
        ByteBuffer meta = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(meta, metaStart);
        meta.flip();
        long bodyLength;
        try {
          int msg = meta.getInt(0);
          int headerType = Flat.ubyte(meta, msg, 1);
          int header = Flat.table(meta, msg, 2);
          bodyLength = Flat.int64(meta, msg, 3);
          if (headerType == 1 && header >= 0 && names == null) {
            names = new ArrayList<>();
            types = new ArrayList<>();
            schema(meta, header, names, types);
          } else if (headerType == 3 && header >= 0) {
            long length = Flat.int64(meta, header, 0);
            if (length < 0) {
              throw new UnreadableInputException(path, "Arrow record batch at offset " + pos + " has a negative length " + length);
            }
            rows = Math.addExact(rows, length);
            batches++;
          }
        } catch (ArithmeticException e) {
          throw new UnreadableInputException(path, "Arrow record batch lengths overflow a 64-bit row count at offset " + pos, e);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
          throw new UnreadableInputException(path, "malformed Arrow metadata at offset " + pos, e);
        }
        if (bodyLength < 0 || metaStart + len + bodyLength > size) {
          throw new UnreadableInputException(path, "Arrow message at offset " + pos + " runs past the end of the file");
        }
        pos = metaStart + len + bodyLength;
      }
      if (names == null) {
        throw new UnreadableInputException(path, "no Arrow schema message found");
      }
      return new Info(names, types, rows, batches, true);
    }
  }

  private static void schema(ByteBuffer b, int schema, List<String> names, List<String> types) {
    int fields = Flat.vector(b, schema, 1);
    if (fields < 0) {
      return;
    }
    int n = b.getInt(fields);
    if (n < 0 || n > 100_000) {
      throw new IllegalArgumentException("field count " + n);
    }
    for (int i = 0; i < n; i++) {
      int elem = fields + 4 + 4 * i;
      int field = elem + b.getInt(elem);
      names.add(Flat.string(b, field, 0));
      int typeType = Flat.ubyte(b, field, 2);
      String t = typeType < TYPES.length ? TYPES[typeType] : "type" + typeType;
      int type = Flat.table(b, field, 3);
      if (typeType == 2 && type >= 0) {
        int bits = (int) Flat.int32(b, type, 0);
        t = (Flat.ubyte(b, type, 1) != 0 ? "int" : "uint") + bits;
      } else if (typeType == 3 && type >= 0) {
        t = switch ((int) Flat.int16(b, type, 0)) {
          case 0 -> "float16";
          case 1 -> "float32";
          default -> "float64";
        };
      }
      types.add(t);
    }
  }

  private static boolean startsWithMagic(FileChannel ch) throws IOException {
    ByteBuffer m = ByteBuffer.allocate(6);
    ch.read(m, 0);
    return new String(m.array(), StandardCharsets.US_ASCII).equals("ARROW1");
  }

  private static int readInt(FileChannel ch, long pos) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    if (ch.read(b, pos) != 4) {
      return 0;
    }
    return b.getInt(0);
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }

  /** Minimal flatbuffer field access; every read is bounds-checked by ByteBuffer. */
  static final class Flat {
    private Flat() {}

    /** Absolute position of field {@code id} of the table at {@code table}, or -1 when absent. */
    static int field(ByteBuffer b, int table, int id) {
      int vtable = table - b.getInt(table);
      int vsize = b.getShort(vtable) & 0xFFFF;
      int o = 4 + 2 * id;
      if (o + 2 > vsize) {
        return -1;
      }
      int off = b.getShort(vtable + o) & 0xFFFF;
      return off == 0 ? -1 : table + off;
    }

    static int ubyte(ByteBuffer b, int table, int id) {
      int p = field(b, table, id);
      return p < 0 ? 0 : b.get(p) & 0xFF;
    }

    static long int16(ByteBuffer b, int table, int id) {
      int p = field(b, table, id);
      return p < 0 ? 0 : b.getShort(p);
    }

    static long int32(ByteBuffer b, int table, int id) {
      int p = field(b, table, id);
      return p < 0 ? 0 : b.getInt(p);
    }

    static long int64(ByteBuffer b, int table, int id) {
      int p = field(b, table, id);
      return p < 0 ? 0 : b.getLong(p);
    }

    static int table(ByteBuffer b, int table, int id) {
      int p = field(b, table, id);
      return p < 0 ? -1 : p + b.getInt(p);
    }

    static int vector(ByteBuffer b, int table, int id) {
      return table(b, table, id);
    }

    static String string(ByteBuffer b, int table, int id) {
      int s = table(b, table, id);
      if (s < 0) {
        return "";
      }
      int len = b.getInt(s);
      if (len < 0 || s + 4 + len > b.limit()) {
        throw new IllegalArgumentException("string length " + len);
      }
      byte[] bytes = new byte[len];
      b.get(s + 4, bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
