package dev.bulwark.model.scan;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes the LZ4 frame format, including linked blocks (what Python's {@code lz4.frame} and so joblib
 * write by default, and what lz4-java's frame stream rejects). Concatenated and skippable frames are
 * supported; checksums are skipped, not verified. Block sizes are bounded by the frame descriptor.
 */
final class Lz4FrameInputStream extends InputStream {
  private static final int MAGIC = 0x184D2204;
  private static final int WINDOW = 64 * 1024;

  private final InputStream in;
  private byte[] out = new byte[0];
  private int outStart;
  private int outEnd;
  private byte[] block = new byte[0];
  private boolean inFrame;
  private boolean blockChecksum;
  private boolean contentChecksum;
  private boolean independent;
  private int maxBlock;
  private boolean done;

  Lz4FrameInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (outStart == outEnd) {
      if (done || !nextBlock()) {
        return -1;
      }
    }
    int n = Math.min(len, outEnd - outStart);
    System.arraycopy(out, outStart, b, off, n);
    outStart += n;
    return n;
  }

  private boolean nextBlock() throws IOException {
    if (!inFrame && !readFrameHeader()) {
      done = true;
      return false;
    }
    long size = le(4);
    if (size == 0) {
      if (contentChecksum) {
        in.skipNBytes(4);
      }
      inFrame = false;
      return true;
    }
    boolean raw = (size & 0x80000000L) != 0;
    int n = (int) (size & 0x7FFFFFFFL);
    if (n > maxBlock) {
      throw new IOException("lz4 block of " + n + " bytes exceeds the frame's maximum of " + maxBlock);
    }
    if (block.length < n) {
      block = new byte[n];
    }
    readFully(block, n);
    if (blockChecksum) {
      in.skipNBytes(4);
    }
    // keep up to 64 KiB of history before the new output for linked blocks
    int keep = independent ? 0 : Math.min(WINDOW, outEnd);
    int need = keep + maxBlock;
    byte[] next = out.length >= need ? out : new byte[need];
    System.arraycopy(out, outEnd - keep, next, 0, keep);
    out = next;
    outStart = keep;
    outEnd = raw ? copyRaw(n, keep) : decodeBlock(block, n, out, keep);
    return true;
  }

  private int copyRaw(int n, int at) {
    System.arraycopy(block, 0, out, at, n);
    return at + n;
  }

  private boolean readFrameHeader() throws IOException {
    while (true) {
      int first = in.read();
      if (first < 0) {
        return false;
      }
      long magic = first | le(3) << 8;
      if ((magic & 0xFFFFFFF0L) == 0x184D2A50L) {
        in.skipNBytes(le(4));
        continue;
      }
      if (magic != MAGIC) {
        throw new IOException("not an lz4 frame (magic 0x" + Long.toHexString(magic) + ")");
      }
      int flg = readByte();
      int bd = readByte();
      if ((flg >> 6) != 1) {
        throw new IOException("unsupported lz4 frame version " + (flg >> 6));
      }
      independent = (flg & 0x20) != 0;
      blockChecksum = (flg & 0x10) != 0;
      contentChecksum = (flg & 0x04) != 0;
      int sizeId = (bd >> 4) & 7;
      if (sizeId < 4) {
        throw new IOException("invalid lz4 block size id " + sizeId);
      }
      maxBlock = 1 << (8 + 2 * sizeId);
      if ((flg & 0x08) != 0) {
        in.skipNBytes(8);
      }
      if ((flg & 0x01) != 0) {
        in.skipNBytes(4);
      }
      readByte();
      inFrame = true;
      outEnd = 0;
      outStart = 0;
      return true;
    }
  }

  /** Decodes one LZ4 block into {@code dst} at {@code at}; matches may reach back into earlier output. */
  static int decodeBlock(byte[] src, int n, byte[] dst, int at) throws IOException {
    int s = 0;
    int d = at;
    while (s < n) {
      int token = src[s++] & 0xFF;
      int lit = token >>> 4;
      if (lit == 15) {
        int b;
        do {
          if (s >= n) throw new IOException("lz4 block ends inside a literal length");
          b = src[s++] & 0xFF;
          lit += b;
        } while (b == 255);
      }
      if (s + lit > n || d + lit > dst.length) {
        throw new IOException("lz4 literals run past the block");
      }
      System.arraycopy(src, s, dst, d, lit);
      s += lit;
      d += lit;
      if (s >= n) {
        break;
      }
      if (s + 2 > n) throw new IOException("lz4 block ends inside a match offset");
      int offset = (src[s] & 0xFF) | (src[s + 1] & 0xFF) << 8;
      s += 2;
      int match = token & 15;
      if (match == 15) {
        int b;
        do {
          if (s >= n) throw new IOException("lz4 block ends inside a match length");
          b = src[s++] & 0xFF;
          match += b;
        } while (b == 255);
      }
      match += 4;
      int from = d - offset;
      if (offset == 0 || from < 0 || d + match > dst.length) {
        throw new IOException("lz4 match outside the window");
      }
      for (int i = 0; i < match; i++) {
        dst[d++] = dst[from + i];
      }
    }
    return d;
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) throw new EOFException("lz4 frame cut short");
    return b;
  }

  private long le(int bytes) throws IOException {
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v |= (long) readByte() << (8 * i);
    }
    return v;
  }

  private void readFully(byte[] b, int n) throws IOException {
    int got = in.readNBytes(b, 0, n);
    if (got < n) throw new EOFException("lz4 block cut short");
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
