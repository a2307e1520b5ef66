package dev.bulwark.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * Reads {@code length} bytes of a channel starting at {@code offset} with positional reads, so that many
 * readers can share one file (a tar layer, a zip) without copying it. The constructor's stream owns its file
 * channel and closes it; {@link #shared} reads a channel others use too and leaves it open.
 */
public final class ChannelSliceInputStream extends InputStream {
  private final SeekableByteChannel channel;
  private final boolean owned;
  private final long offset;
  private final long length;
  private long pos;

  public ChannelSliceInputStream(FileChannel channel, long offset, long length) {
    this(channel, true, offset, length);
  }

  private ChannelSliceInputStream(SeekableByteChannel channel, boolean owned, long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("negative slice: offset " + offset + ", length " + length);
    }
    this.channel = channel;
    this.owned = owned;
    this.offset = offset;
    this.length = length;
  }

  /** A slice of a channel other readers share: not closed with the stream. */
  public static ChannelSliceInputStream shared(SeekableByteChannel channel, long offset, long length) {
    return new ChannelSliceInputStream(channel, false, offset, length);
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
    ByteBuffer buf = ByteBuffer.wrap(b, off, n);
    int r;
    if (channel instanceof FileChannel file) {
      r = file.read(buf, offset + pos);
    } else {
      synchronized (channel) {  // a plain seekable channel has one position for every reader
        channel.position(offset + pos);
        r = channel.read(buf);
      }
    }
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
    if (owned) {
      channel.close();
    }
  }
}
