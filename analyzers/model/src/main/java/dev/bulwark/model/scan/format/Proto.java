package dev.bulwark.model.scan.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written reader of the protobuf wire format over a byte array slice: enough to walk ONNX and
 * TensorFlow messages by field number without generated classes. Every length is checked against the slice.
 */
public final class Proto {
  private final byte[] buf;
  private int pos;
  private final int end;

  public Proto(byte[] buf, int from, int to) {
    this.buf = buf;
    this.pos = from;
    this.end = to;
  }

  public static Proto of(byte[] buf) {
    return new Proto(buf, 0, buf.length);
  }

  /** One field: number, wire type, varint value or the slice of a length-delimited value. */
  public record Field(int number, int wireType, long varint, byte[] buf, int from, int to) {
    public Proto message() {
      return new Proto(buf, from, to);
    }

    public String string() {
      return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    public int length() {
      return to - from;
    }
  }

  public static final class MalformedException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  public boolean hasNext() {
    return pos < end;
  }

  public Field next() throws MalformedException {
    long key = varint();
    int number = (int) (key >>> 3);
    int wire = (int) (key & 7);
    if (number <= 0) {
      throw new MalformedException("field number " + number + " at " + pos);
    }
    switch (wire) {
      case 0 -> {
        return new Field(number, wire, varint(), buf, pos, pos);
      }
      case 1 -> {
        need(8);
        pos += 8;
        return new Field(number, wire, 0, buf, pos - 8, pos);
      }
      case 2 -> {
        long len = varint();
        if (len < 0 || len > end - pos) {
          throw new MalformedException("length " + len + " of field " + number + " runs past its message");
        }
        int from = pos;
        pos += (int) len;
        return new Field(number, wire, 0, buf, from, pos);
      }
      case 5 -> {
        need(4);
        pos += 4;
        return new Field(number, wire, 0, buf, pos - 4, pos);
      }
      default -> throw new MalformedException("wire type " + wire + " of field " + number);
    }
  }

  /** Calls {@code each} for every field of this message. */
  public void forEach(FieldConsumer each) throws MalformedException {
    while (hasNext()) {
      each.accept(next());
    }
  }

  public interface FieldConsumer {
    void accept(Field f) throws MalformedException;
  }

  private void need(int n) throws MalformedException {
    if (end - pos < n) {
      throw new MalformedException("message ends inside a fixed-size field");
    }
  }

  /** Reads a bare varint (elements of a packed repeated field). */
  public long nextRawVarint() throws MalformedException {
    return varint();
  }

  private long varint() throws MalformedException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        throw new MalformedException("message ends inside a varint");
      }
      int b = buf[pos++] & 0xFF;
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new MalformedException("varint longer than 10 bytes");
  }

}
