package dev.bulwark.model.scan.pickle;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What the symbolic machine knows about a value on the pickle stack. Nothing is ever evaluated: a call
 * is kept as the callable and its arguments. Containers keep at most {@link #CAP} elements.
 */
public sealed interface PyValue {
  int CAP = 10_000;

  /** The mark object pushed by MARK; never a real value. */
  record Mark() implements PyValue {}

  record Str(String value) implements PyValue {}

  /** Bytes; {@code data} is null when the payload was too large to keep. */
  record Bytes(byte[] data, long length) implements PyValue {}

  record Int(long value, BigInteger big) implements PyValue {
    static Int of(long v) {
      return new Int(v, null);
    }

    BigInteger asBig() {
      return big != null ? big : BigInteger.valueOf(value);
    }
  }

  /** None, booleans, floats, buffers, persistent ids: values whose content never matters here. */
  record Opaque(String what) implements PyValue {}

  /** A module attribute named by GLOBAL, STACK_GLOBAL, INST or an extension code. */
  record Global(String module, String name, long offset) implements PyValue {
    public String qualifiedName() {
      return module + "." + name;
    }
  }

  /** The value returned by calling {@code callable} with {@code args} (REDUCE, NEWOBJ, INST, OBJ...). */
  record Call(PyValue callable, PyValue args, long offset) implements PyValue {}

  /** Tuples, lists, sets and dicts (dicts as alternating keys and values). */
  final class Seq implements PyValue {
    public final String type;
    public final List<PyValue> items = new ArrayList<>();
    private long size;

    public Seq(String type) {
      this.type = type;
    }

    public Seq(String type, List<PyValue> initial) {
      this.type = type;
      initial.forEach(this::add);
    }

    public void add(PyValue v) {
      size++;
      if (items.size() < CAP) {
        items.add(v);
      }
    }

    public long size() {
      return size;
    }

    /** For dicts: the value stored under a string key, or null. */
    public PyValue get(String key) {
      for (int i = 0; i + 1 < items.size(); i += 2) {
        if (items.get(i) instanceof Str s && s.value().equals(key)) {
          return items.get(i + 1);
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return type + "(" + size + ")";
    }
  }
}
