package dev.bulwark.model.scan.pickle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A forward-only reader over a stream that knows its position and can skip large payloads without
 * buffering them. Not thread-safe.
 */
public final class ByteSource {
  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private long consumed;

  public ByteSource(InputStream in) {
    this.in = in;
  }

  /** Offset of the next byte from the start of the source. */
  public long position() {
    return consumed + pos;
  }

  /** The next byte (0..255) without consuming it, or -1 at the end. */
  public int peek() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos] & 0xFF;
  }

  /** The next byte (0..255), or -1 at the end. */
  public int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xFF;
  }

  public int readByte() throws IOException {
    int b = read();
    if (b < 0) {
      throw new EOFException("stream ends at offset " + position());
    }
    return b;
  }

  public byte[] readFully(int n) throws IOException {
    byte[] out = new byte[n];
    int off = 0;
    while (off < n) {
      if (pos == limit && !fill()) {
        throw new EOFException("stream ends at offset " + position() + ", " + (n - off) + " bytes short");
      }
      int k = Math.min(n - off, limit - pos);
      System.arraycopy(buf, pos, out, off, k);
      pos += k;
      off += k;
    }
    return out;
  }

  public long readLittleEndian(int n) throws IOException {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= ((long) readByte()) << (8 * i);
    }
    return v;
  }

  /** Skips {@code n} bytes; throws {@link EOFException} when the stream is shorter. */
  public void skip(long n) throws IOException {
    long left = n;
    int inBuf = Math.min(limit - pos, (int) Math.min(left, Integer.MAX_VALUE));
    pos += inBuf;
    left -= inBuf;
    while (left > 0) {
      long k = in.skip(left);
      if (k <= 0) {
        if (in.read() < 0) {
          throw new EOFException("stream ends " + left + " bytes before the end of a " + n + "-byte payload");
        }
        k = 1;
      }
      consumed += k;
      left -= k;
    }
  }

  /** Reads up to and excluding the next newline; at most {@code max} bytes. */
  public byte[] readLine(int max) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    while (true) {
      int b = readByte();
      if (b == '\n') {
        return out.toByteArray();
      }
      if (out.size() >= max) {
        throw new PickleFormatException(position(), "line longer than " + max + " bytes");
      }
      out.write(b);
    }
  }

  private boolean fill() throws IOException {
    consumed += limit;
    pos = 0;
    limit = 0;
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    limit = n;
    return true;
  }
}
