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
   * Protocol 0 and 1 pickles have no header. Accept a head whose first opcodes disassemble cleanly and
   * include a GLOBAL or INST with identifier names, or that ends in STOP.
   */
  static boolean looksLikeTextPickle(byte[] h) {
    if (h.length < 4) {
      return false;
    }
    int first = h[0] & 0xFF;
    if ("(c}])ISVNlde".indexOf(first) < 0) {
      return false;
    }
    int p = 0;
    int ops = 0;
    while (p < h.length && ops < 64) {
      Opcode op = Opcode.of(h[p]);
      if (op == null) {
        return false;
      }
      ops++;
      p++;
      switch (op.arg()) {
        case NONE -> {
          if (op == Opcode.STOP) return ops >= 3;
        }
        case UINT1, BYTES1 -> {
          if (p >= h.length) return false;
          int n = h[p] & 0xFF;
          p += 1 + (op.arg() == Opcode.Arg.BYTES1 ? n : 0);
        }
        case UINT2 -> p += 2;
        case INT4, UINT4 -> p += 4;
        case FIXED8 -> p += 8;
        case BYTES4, BYTES8 -> {
          int width = op.arg() == Opcode.Arg.BYTES4 ? 4 : 8;
          if (p + width > h.length) return ops >= 6;
          long n = 0;
          for (int i = 0; i < width; i++) n |= (long) (h[p + i] & 0xFF) << (8 * i);
          if (n < 0) return false;
          if (p + width + n > h.length) return ops >= 6;
          p += width + (int) n;
        }
        case LINE, TWO_LINES -> {
          int lines = op.arg() == Opcode.Arg.LINE ? 1 : 2;
          for (int l = 0; l < lines; l++) {
            int start = p;
            while (p < h.length && h[p] != '\n') {
              if (h[p] < 0x20 && h[p] != '\t') return false;
              p++;
            }
            if (p >= h.length || p - start > 256) return false;
            if (lines == 2 && !identifier(h, start, p)) return false;
            p++;
          }
          if (op == Opcode.GLOBAL || op == Opcode.INST) return true;
        }
      }
    }
    return false;
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
