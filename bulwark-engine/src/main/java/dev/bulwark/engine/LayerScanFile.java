package dev.bulwark.engine;

import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.Magic;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A file of a container image's merged filesystem, read in place from its layer (an uncompressed tar in
 * the sandbox) at the entry's data offset: the image is never extracted to a folder.
 */
final class LayerScanFile implements ScanFile {
  private final String path;
  private final Path layerTar;
  private final long dataOffset;
  private final long size;
  private final String layerDigest;
  private volatile byte[] head;

  LayerScanFile(String path, Path layerTar, long dataOffset, long size, String layerDigest) {
    this.path = path;
    this.layerTar = layerTar;
    this.dataOffset = dataOffset;
    this.size = size;
    this.layerDigest = layerDigest;
  }

  String layerDigest() {
    return layerDigest;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public InputStream open() throws IOException {
    FileChannel channel = FileChannel.open(layerTar, StandardOpenOption.READ);
    return new InputStream() {
      private long pos;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (pos >= size) {
          return -1;
        }
        int n = (int) Math.min(len, size - pos);
        int r = channel.read(ByteBuffer.wrap(b, off, n), dataOffset + pos);
        if (r > 0) {
          pos += r;
        }
        return r;
      }

      @Override
      public long skip(long n) {
        long s = Math.max(0, Math.min(n, size - pos));
        pos += s;
        return s;
      }

      @Override
      public int available() {
        return (int) Math.min(Integer.MAX_VALUE, size - pos);
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  @Override
  public byte[] head() {
    byte[] h = head;
    if (h == null) {
      try (InputStream in = open()) {
        h = in.readNBytes(HEAD_BYTES);
      } catch (IOException e) {
        throw new UncheckedIOException(path + ": cannot read: " + e.getMessage(), e);
      }
      head = h;
    }
    return h;
  }

  @Override
  public FileKind kind() {
    return Magic.sniff(head());
  }

  @Override
  public Optional<Path> localPath() {
    return Optional.empty();
  }

  @Override
  public String toString() {
    return path;
  }
}
