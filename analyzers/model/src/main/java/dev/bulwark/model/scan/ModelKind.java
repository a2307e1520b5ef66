package dev.bulwark.model.scan;

import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.Magic;
import dev.bulwark.model.scan.pickle.Opcode;

/** Content sniffing beyond {@link Magic}: protocol-0 pickles, zlib and lzma-alone streams, ONNX, SavedModel. */
public final class ModelKind {
  private ModelKind() {}

  public enum Kind { PICKLE, ZIP, TAR, SEVEN_Z, GZIP, BZIP2, XZ, LZ4, ZLIB, LZMA, NUMPY, SAFETENSORS, GGUF, HDF5,
    ONNX, SAVED_MODEL, KERAS_METADATA, OTHER }

  public static Kind of(byte[] head, String name) {
    FileKind k = Magic.sniff(head);
    return switch (k) {
      case PICKLE -> Kind.PICKLE;
      case ZIP -> Kind.ZIP;
      case TAR -> Kind.TAR;
      case SEVEN_Z -> Kind.SEVEN_Z;
      case GZIP -> Kind.GZIP;
      case BZIP2 -> Kind.BZIP2;
      case XZ -> Kind.XZ;
      case LZ4 -> Kind.LZ4;
      case NUMPY -> Kind.NUMPY;
      case SAFETENSORS -> Kind.SAFETENSORS;
      case GGUF -> Kind.GGUF;
      case HDF5 -> Kind.HDF5;
      default -> other(head, name);
    };
  }

  private static Kind other(byte[] h, String name) {
    if (h.length >= 2 && (h[0] & 0xFF) == 0x78 && ((h[0] & 0xFF) * 256 + (h[1] & 0xFF)) % 31 == 0
        && ((h[1] & 0xFF) == 0x01 || (h[1] & 0xFF) == 0x5E || (h[1] & 0xFF) == 0x9C || (h[1] & 0xFF) == 0xDA)) {
      return Kind.ZLIB;
    }
    if (h.length >= 13 && (h[0] & 0xFF) == 0x5D && h[1] == 0 && isLzmaSize(h)) {
      return Kind.LZMA;
    }
    if (h.length >= 2 && h[0] == 'Z' && h[1] == 'F' && indexOfZlib(h) > 0) {
      return Kind.ZLIB;
    }
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('!')) + 1);
    if (base.equals("saved_model.pb") && h.length > 2 && h[0] == 0x08) {
      return Kind.SAVED_MODEL;
    }
    if (base.equals("keras_metadata.pb") && h.length > 2 && h[0] == 0x0A) {
      return Kind.KERAS_METADATA;
    }
    if (looksLikeOnnx(h)) {
      return Kind.ONNX;
    }
    if (looksLikeTextPickle(h)) {
      return Kind.PICKLE;
    }
    return Kind.OTHER;
  }

  private static boolean isLzmaSize(byte[] h) {
    boolean unknown = true;
    for (int i = 5; i < 13; i++) {
      unknown &= (h[i] & 0xFF) == 0xFF;
    }
    return unknown || (h[12] == 0 && h[11] == 0);
  }

  static int indexOfZlib(byte[] h) {
    for (int i = 2; i < Math.min(h.length - 1, 40); i++) {
      if ((h[i] & 0xFF) == 0x78 && ((h[i] & 0xFF) * 256 + (h[i + 1] & 0xFF)) % 31 == 0) {
        return i;
      }
    }
    return -1;
  }

  /** ModelProto starts with ir_version (field 1) and then another known field. */
  static boolean looksLikeOnnx(byte[] h) {
    if (h.length < 4 || h[0] != 0x08 || h[1] < 3 || h[1] > 15) {
      return false;
    }
    int next = h[2] & 0xFF;
    return next == 0x12 || next == 0x1A || next == 0x22 || next == 0x2A || next == 0x32 || next == 0x3A
        || next == 0x42 || next == 0x52 || next == 0x5A || next == 0x72;
  }

  /**
   * Protocol 0 and 1 pickles have no header, and plenty of text looks like their opcodes (a README starting
   * "cachetools\n===", a Java service file "com.x.A\ncom.x.B\n"). The head is run through a small model of
   * the unpickler: every opcode must exist, its argument must have the right shape (PUT/GET take a memo number,
   * INT a number, STRING a quoted literal, GLOBAL and INST two identifiers) and the stack and marks must never
   * underflow. It is a pickle when the run reaches STOP (as the file's last byte, or after 8+ opcodes), or
   * when its valid prefix already calls something
   * (REDUCE, OBJ, INST, BUILD, NEWOBJ after a GLOBAL) — what an unpickler would execute before meeting any
   * garbage after it — or when a long head (32+ opcodes) is clean to its end.
   */
  static boolean looksLikeTextPickle(byte[] h) {
    if (h.length < 4) {
      return false;
    }
    int first = h[0] & 0xFF;
    if ("(c}])ISVNldeiKJMqhjUTXGp".indexOf(first) < 0) {
      return false;
    }
    int p = 0;
    int ops = 0;
    int depth = 0;
    int[] marks = new int[64];
    int markCount = 0;
    boolean global = false;
    boolean called = false;
    while (p < h.length && ops < 4096) {
      Opcode op = Opcode.of(h[p]);
      if (op == null) {
        return called;
      }
      int start = p + 1;
      int next = argumentEnd(op, h, start);
      if (next < 0) {
        return called;
      }
      if (next > h.length) {
        return called || ops >= 32;  // the argument runs past the head: judge the prefix
      }
      ops++;
      p = next;
      // stack effect; -1 means the unpickler would fail here
      switch (op) {
        case MARK -> {
          if (markCount == marks.length) return called;
          marks[markCount++] = depth;
        }
        case STOP -> {
          // a pickle file ends at its STOP; text that happens to reach a '.' after a few opcodes does not
          return depth >= 1 && (called || ops >= 8 || p == h.length && ops >= 2);
        }
        case POP -> depth--;
        case POP_MARK -> depth = markCount == 0 ? -1 : marks[--markCount];
        case DUP -> depth = depth >= 1 ? depth + 1 : -1;
        case PUT, BINPUT, LONG_BINPUT, MEMOIZE -> depth = depth >= 1 ? depth : -1;
        case PROTO, FRAME -> { }
        case BINPERSID, READONLY_BUFFER -> depth = depth >= 1 ? depth : -1;
        case TUPLE, LIST, DICT, FROZENSET -> depth = markCount == 0 ? -1 : marks[--markCount] + 1;
        case INST -> {
          depth = markCount == 0 ? -1 : marks[--markCount] + 1;
          called |= depth > 0;
          global |= depth > 0;
        }
        case OBJ -> {
          int m = markCount == 0 ? -1 : marks[--markCount];
          depth = m < 0 || depth < m + 1 ? -1 : m + 1;
          called |= global && depth > 0;
        }
        case APPENDS, SETITEMS, ADDITEMS -> {
          int m = markCount == 0 ? -1 : marks[--markCount];
          depth = m < 1 ? -1 : m;
        }
        case APPEND, BUILD -> {
          depth = depth >= 2 ? depth - 1 : -1;
          called |= op == Opcode.BUILD && global && depth > 0;
        }
        case SETITEM -> depth = depth >= 3 ? depth - 2 : -1;
        case REDUCE, NEWOBJ -> {
          depth = depth >= 2 ? depth - 1 : -1;
          called |= global && depth > 0;
        }
        case NEWOBJ_EX -> {
          depth = depth >= 3 ? depth - 2 : -1;
          called |= global && depth > 0;
        }
        case STACK_GLOBAL -> {
          depth = depth >= 2 ? depth - 1 : -1;
          global |= depth > 0;
        }
        case TUPLE1 -> depth = depth >= 1 ? depth : -1;
        case TUPLE2 -> depth = depth >= 2 ? depth - 1 : -1;
        case TUPLE3 -> depth = depth >= 3 ? depth - 2 : -1;
        case GLOBAL -> {
          depth++;
          global = true;
        }
        default -> depth++;  // every other opcode pushes one value
      }
      if (depth < 0 || markCount > 0 && depth < marks[markCount - 1]) {
        return called;
      }
    }
    return called || ops >= 32;
  }

  /** Where {@code op}'s argument ends (the next opcode), -1 when it is malformed, past the head when cut. */
  private static int argumentEnd(Opcode op, byte[] h, int p) {
    switch (op.arg()) {
      case NONE -> {
        return p;
      }
      case UINT1 -> {
        return p + 1;
      }
      case UINT2 -> {
        return p + 2;
      }
      case INT4, UINT4 -> {
        return p + 4;
      }
      case FIXED8 -> {
        return p + 8;
      }
      case BYTES1 -> {
        return p >= h.length ? p + 1 : p + 1 + (h[p] & 0xFF);
      }
      case BYTES4, BYTES8 -> {
        int width = op.arg() == Opcode.Arg.BYTES4 ? 4 : 8;
        if (p + width > h.length) {
          return p + width;
        }
        long n = 0;
        for (int i = 0; i < width; i++) {
          n |= (long) (h[p + i] & 0xFF) << (8 * i);
        }
        return n < 0 || n > Integer.MAX_VALUE ? -1 : (int) Math.min(Integer.MAX_VALUE, p + width + n);
      }
      case LINE, TWO_LINES -> {
        int lines = op.arg() == Opcode.Arg.LINE ? 1 : 2;
        for (int l = 0; l < lines; l++) {
          int start = p;
          while (p < h.length && h[p] != '\n') {
            if (h[p] < 0x20 && h[p] != '\t') {
              return -1;
            }
            p++;
          }
          if (p - start > 256) {
            return -1;
          }
          if (p >= h.length) {
            return h.length + 1;  // cut by the head
          }
          if (!lineFits(op, h, start, p)) {
            return -1;
          }
          p++;
        }
        return p;
      }
      default -> {
        return -1;
      }
    }
  }

  /** The shape each line argument must have for the unpickler to accept it. */
  private static boolean lineFits(Opcode op, byte[] h, int from, int to) {
    String line = new String(h, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    return switch (op) {
      case GLOBAL, INST -> identifier(h, from, to);
      case PUT, GET -> !line.isEmpty() && line.chars().allMatch(Character::isDigit);
      case INT -> line.matches("[+-]?[0-9]{1,40}");
      case LONG -> line.matches("[+-]?[0-9]{1,400}L?");
      case FLOAT -> line.matches("[+-]?([0-9.]{1,40}([eE][+-]?[0-9]{1,4})?|inf|nan)");
      case STRING -> line.length() >= 2 && (line.charAt(0) == '\'' || line.charAt(0) == '"')
          && line.charAt(line.length() - 1) == line.charAt(0);
      default -> true;  // UNICODE, PERSID: any text
    };
  }

  private static boolean identifier(byte[] h, int from, int to) {
    if (to <= from) return false;
    for (int i = from; i < to; i++) {
      int c = h[i] & 0xFF;
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) return false;
    }
    return true;
  }
}
