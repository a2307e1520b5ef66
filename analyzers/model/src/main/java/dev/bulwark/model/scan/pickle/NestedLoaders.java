package dev.bulwark.model.scan.pickle;

import dev.bulwark.model.scan.pickle.PyValue.Bytes;
import dev.bulwark.model.scan.pickle.PyValue.Call;
import dev.bulwark.model.scan.pickle.PyValue.Global;
import dev.bulwark.model.scan.pickle.PyValue.Seq;
import dev.bulwark.model.scan.pickle.PyValue.Str;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds the bytes a pickle hands to another deserializer ({@code pickle.loads(b'...')}), following the
 * constant transformations attackers wrap them in: {@code _codecs.encode}, base64, zlib, {@code BytesIO}.
 */
final class NestedLoaders {
  private static final int MAX_INFLATED = 16 << 20;

  /** Callables whose first argument is itself a pickle (or a stream of one). */
  static final Set<String> LOADERS = Set.of(
      "pickle.loads", "pickle.load", "pickle._loads", "pickle._load", "_pickle.loads", "_pickle.load",
      "cPickle.loads", "cPickle.load", "pickle.Unpickler", "_pickle.Unpickler", "pickle._Unpickler",
      "dill.loads", "dill.load", "dill._dill.loads", "dill._dill.load", "cloudpickle.loads", "cloudpickle.load",
      "joblib.load", "joblib.numpy_pickle.load", "torch.load", "torch.serialization.load", "numpy.load",
      "numpy.loads", "pandas.read_pickle", "torch.storage._load_from_bytes", "shelve.open", "copyreg._reconstructor.loads");

  private NestedLoaders() {}

  static Optional<byte[]> payload(Global callable, PyValue args) {
    String q = normalize(callable.qualifiedName());
    if (!LOADERS.contains(q) || !(args instanceof Seq s) || s.items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(bytesOf(s.items.get(0), 0));
  }

  static String normalize(String qualified) {
    return qualified.startsWith("__builtin__.") ? "builtins." + qualified.substring(12) : qualified;
  }

  /** The constant bytes a value evaluates to, when it is a constant or a known pure transformation of one. */
  static byte[] bytesOf(PyValue v, int depth) {
    if (depth > 8) {
      return null;
    }
    if (v instanceof Bytes b) {
      return b.data();
    }
    if (v instanceof Str s) {
      return s.value().getBytes(StandardCharsets.ISO_8859_1);
    }
    if (!(v instanceof Call c) || !(c.callable() instanceof Global g) || !(c.args() instanceof Seq a) || a.items.isEmpty()) {
      return null;
    }
    byte[] inner = bytesOf(a.items.get(0), depth + 1);
    if (inner == null) {
      return null;
    }
    return switch (normalize(g.qualifiedName())) {
      case "_codecs.encode", "codecs.encode", "builtins.bytes", "builtins.bytearray", "io.BytesIO", "_io.BytesIO" -> inner;
      case "base64.b64decode", "base64.standard_b64decode", "base64.decodebytes", "binascii.a2b_base64" -> base64(inner, false);
      case "base64.urlsafe_b64decode" -> base64(inner, true);
      case "zlib.decompress" -> inflate(inner);
      default -> null;
    };
  }

  private static byte[] base64(byte[] text, boolean url) {
    try {
      StringBuilder s = new StringBuilder(text.length);
      for (byte b : text) {
        if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          s.append((char) (b & 0xFF));
        }
      }
      return (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] inflate(byte[] data) {
    Inflater inf = new Inflater();
    try {
      inf.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      while (!inf.finished() && out.size() < MAX_INFLATED) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      return null;
    } finally {
      inf.end();
    }
  }
}
