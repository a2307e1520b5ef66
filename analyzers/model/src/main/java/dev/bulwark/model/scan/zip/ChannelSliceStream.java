package dev.bulwark.model.scan.zip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** Reads bytes {@code [from, from + length)} of a channel shared with other readers (positioned reads). */
public final class ChannelSliceStream extends InputStream {
  private final SeekableByteChannel ch;
  private long pos;
  private final long end;

  public ChannelSliceStream(SeekableByteChannel ch, long from, long length) {
    this.ch = ch;
    this.pos = from;
    this.end = from + length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (pos >= end) {
      return -1;
    }
    int n = (int) Math.min(len, end - pos);
    ByteBuffer buf = ByteBuffer.wrap(b, off, n);
    int got;
    synchronized (ch) {
      ch.position(pos);
      got = ch.read(buf);
    }
    if (got <= 0) {
      return -1;
    }
    pos += got;
    return got;
  }

  @Override
  public long skip(long n) {
    long k = Math.max(0, Math.min(n, end - pos));
    pos += k;
    return k;
  }
}
