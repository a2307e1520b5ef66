package dev.bulwark.model.scan;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what a decompressor produces and stops at a bound, so that bombs cannot fill memory or time. */
final class BoundedStream extends FilterInputStream {
  private final long max;
  private final String what;
  private long count;

  BoundedStream(InputStream in, long max, String what) {
    super(in);
    this.max = max;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      tally(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      tally(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(n, 1 << 16)];
    long left = n;
    while (left > 0) {
      int k = read(buf, 0, (int) Math.min(left, buf.length));
      if (k < 0) {
        break;
      }
      left -= k;
    }
    return n - left;
  }

  private void tally(int n) throws DecompressionLimitException {
    count += n;
    if (count > max) {
      throw new DecompressionLimitException(what + " expands past " + max + " bytes");
    }
  }
}
