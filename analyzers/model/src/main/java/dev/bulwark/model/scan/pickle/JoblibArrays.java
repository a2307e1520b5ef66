package dev.bulwark.model.scan.pickle;

import dev.bulwark.model.scan.pickle.PyValue.Call;
import dev.bulwark.model.scan.pickle.PyValue.Global;
import dev.bulwark.model.scan.pickle.PyValue.Int;
import dev.bulwark.model.scan.pickle.PyValue.Seq;
import dev.bulwark.model.scan.pickle.PyValue.Str;
import java.io.IOException;

/**
 * joblib writes each numpy array's raw data straight into the pickle stream right after the BUILD of its
 * {@code NumpyArrayWrapper}; object arrays are written as a nested pickle instead. This skips the raw data
 * (size from the wrapper's shape and dtype) and hands nested pickles back to the machine.
 */
final class JoblibArrays {

  interface NestedRunner {
    void run(long offset) throws IOException;
  }

  private JoblibArrays() {}

  static boolean isWrapper(Global g) {
    return g.name().equals("NumpyArrayWrapper")
        && (g.module().equals("joblib.numpy_pickle") || g.module().equals("sklearn.externals.joblib.numpy_pickle"));
  }

  static void skipInlineData(PyValue state, PickleDisassembler dis, NestedRunner nested, long off) throws IOException {
    if (!(state instanceof Seq dict) || !dict.type.equals("dict")) {
      throw new PickleFormatException(off, "NumpyArrayWrapper state is not a dict");
    }
    String descr = dtypeDescr(dict.get("dtype"));
    if (descr == null) {
      throw new PickleFormatException(off, "NumpyArrayWrapper without a readable dtype");
    }
    if (descr.startsWith("O") || descr.startsWith("|O")) {
      nested.run(dis.source().position());
      return;
    }
    long itemSize = itemSize(descr);
    long count = 1;
    if (!(dict.get("shape") instanceof Seq shape)) {
      throw new PickleFormatException(off, "NumpyArrayWrapper without a shape");
    }
    for (PyValue d : shape.items) {
      if (!(d instanceof Int i) || i.big() != null || i.value() < 0) {
        throw new PickleFormatException(off, "NumpyArrayWrapper shape is not a tuple of sizes");
      }
      count = Math.multiplyExact(count, i.value());
    }
    if (itemSize <= 0) {
      throw new PickleFormatException(off, "NumpyArrayWrapper dtype '" + descr + "' has no fixed item size");
    }
    ByteSource src = dis.source();
    if (dict.get("numpy_array_alignment_bytes") != null) {
      src.skip(src.readByte());
    }
    src.skip(Math.multiplyExact(count, itemSize));
  }

  /** The dtype string of {@code numpy.dtype('<f4', ...)} as pickled. */
  static String dtypeDescr(PyValue dtype) {
    if (dtype instanceof Call c && c.callable() instanceof Global g && g.name().equals("dtype")
        && c.args() instanceof Seq a && !a.items.isEmpty() && a.items.get(0) instanceof Str s) {
      return s.value();
    }
    return null;
  }

  /** Bytes per element of a numpy type string such as {@code f8}, {@code <i4}, {@code U12}, {@code b1}, {@code ?}. */
  static long itemSize(String descr) {
    String d = descr;
    if (!d.isEmpty() && "<>|=".indexOf(d.charAt(0)) >= 0) {
      d = d.substring(1);
    }
    if (d.equals("?") || d.equals("b") || d.equals("B")) {
      return 1;
    }
    if (d.isEmpty()) {
      return -1;
    }
    char kind = d.charAt(0);
    String digits = d.substring(1);
    int bracket = digits.indexOf('[');
    if (bracket >= 0) {
      digits = digits.substring(0, bracket);
    }
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    long n = Long.parseLong(digits);
    return kind == 'U' ? n * 4 : n;
  }
}
