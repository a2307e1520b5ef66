package dev.bulwark.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads {@code length} bytes of a file channel starting at {@code offset} with positional reads, so that
 * many readers can share one file (a tar layer, a zip) without copying it. Closes the channel on close.
 */
public final class ChannelSliceInputStream extends InputStream {
  private final FileChannel channel;
  private final long offset;
  private final long length;
  private long pos;

  public ChannelSliceInputStream(FileChannel channel, long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("negative slice: offset " + offset + ", length " + length);
    }
    this.channel = channel;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (pos >= length) {
      return -1;
    }
    int n = (int) Math.min(len, length - pos);
    int r = channel.read(ByteBuffer.wrap(b, off, n), offset + pos);
    if (r > 0) {
      pos += r;
    }
    return r;
  }

  @Override
  public long skip(long n) {
    long s = Math.max(0, Math.min(n, length - pos));
    pos += s;
    return s;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, length - pos);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
