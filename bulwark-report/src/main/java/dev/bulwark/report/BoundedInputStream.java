package dev.bulwark.report;

import dev.bulwark.spi.UnreadableInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with an UnreadableInputException once more than {@code limit} bytes were read (a file that grew). */
final class BoundedInputStream extends FilterInputStream {
  private final long limit;
  private final String path;
  private long count;

  BoundedInputStream(InputStream in, long limit, String path) {
    super(in);
    this.limit = limit;
    this.path = path;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  private void add(long n) throws IOException {
    count += n;
    if (count > limit) {
      throw new UnreadableInputException(path, "SBOM grew past the limit of " + limit + " bytes while reading");
    }
  }
}
