package dev.bulwark.model.scan.zip;

import dev.bulwark.spi.ChannelSliceInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Opens the data of one member, decompressed, ignoring its CRC as PyTorch does. */
public final class ZipMemberStream {
  private ZipMemberStream() {}

  public static InputStream open(LenientZip zip, ZipEntryInfo e) throws IOException {
    if (e.dataOffset() < 0) {
      throw new ZipFormatException("member '" + e.name() + "' has no readable local header");
    }
    if (e.compressedSize() < 0) {
      throw new ZipFormatException("member '" + e.name() + "' declares a negative compressed size");
    }
    if (e.isEncrypted()) {
      throw new ZipFormatException("member '" + e.name() + "' is encrypted");
    }
    InputStream raw = new BufferedInputStream(ChannelSliceInputStream.shared(zip.channel(), e.dataOffset(), e.compressedSize()), 1 << 16);
    return switch (e.method()) {
      case 0 -> raw;
      case 8 -> new InflaterInputStream(raw, new Inflater(true), 1 << 16);
      case 12 -> new BZip2CompressorInputStream(raw);
      case 95 -> new XZCompressorInputStream(raw);
      default -> throw new ZipFormatException("member '" + e.name() + "' uses unsupported compression method " + e.method());
    };
  }

  /** Length of the raw deflate stream starting at {@code from}, found by inflating it. */
  static long deflatedLength(SeekableByteChannel ch, long from) throws IOException {
    Inflater inf = new Inflater(true);
    try (InputStream in = ChannelSliceInputStream.shared(ch, from, ch.size() - from)) {
      byte[] buf = new byte[1 << 16];
      byte[] out = new byte[1 << 16];
      long fed = 0;
      while (!inf.finished()) {
        if (inf.needsInput()) {
          int n = in.read(buf);
          if (n < 0) {
            throw new ZipFormatException("deflate stream at " + from + " never ends");
          }
          inf.setInput(buf, 0, n);
          fed += n;
        }
        inf.inflate(out);
      }
      return fed - inf.getRemaining();
    } catch (DataFormatException ex) {
      throw new ZipFormatException("bad deflate data at offset " + from + ": " + ex.getMessage());
    } finally {
      inf.end();
    }
  }
}
