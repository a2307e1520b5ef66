package dev.bulwark.spi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * Counts the bytes read through it and fails once more than {@code limit} were: decompressors, archive members
 * and files that grow while read cannot fill memory or disk past a bound. Every read, single-byte reads and
 * skips included, goes through {@link #read(byte[], int, int)}, so a subclass that translates its source's
 * exceptions overrides that one method. The exception is made by {@code overflow} from the limit, so each
 * caller names the file and the problem in its own terms.
 */
public class BoundedInputStream extends FilterInputStream {
  private final long limit;
  private final LongFunction<? extends IOException> overflow;
  private long count;

  public BoundedInputStream(InputStream in, long limit, LongFunction<? extends IOException> overflow) {
    super(in);
    this.limit = limit;
    this.overflow = overflow;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n;
    do {
      n = read(one, 0, 1);
    } while (n == 0);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count += n;
      if (count > limit) {
        throw overflow.apply(limit);
      }
    }
    return n;
  }

  /** Skipped bytes are read and counted: a decompressor's skip produces them all the same. */
  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.max(0, Math.min(n, 1 << 16))];
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

  /** Bytes read so far. */
  public long count() {
    return count;
  }
}
