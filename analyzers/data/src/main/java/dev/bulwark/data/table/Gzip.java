package dev.bulwark.data.table;

import dev.bulwark.spi.BoundedInputStream;
import dev.bulwark.spi.UnreadableInputException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Gzip-compressed datasets ({@code train.csv.gz}), recognised by their magic bytes and read through a bounded
 * inflater: a few megabytes of gzip can inflate to terabytes, so the output may be at most
 * {@code max(1 GiB, 100 x the compressed size)} (the rule bulwark-ml's {@code InputBounds} uses; real gzip CSVs
 * compress 3-20 times). Every member of a multi-member file is read, as gzip and pandas do.
 */
public final class Gzip {

  static final long ALLOWANCE = 1L << 30;
  static final long RATIO = 100;

  private Gzip() {}

  public static boolean isGzip(byte[] head) {
    return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
  }

  /** The most a file of {@code compressed} bytes may inflate to. */
  static long limitFor(long compressed) {
    return compressed > Long.MAX_VALUE / RATIO ? Long.MAX_VALUE : Math.max(ALLOWANCE, RATIO * compressed);
  }

  /** The name without its {@code .gz} suffix, for the format hint of the content. */
  static String innerName(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  /** Up to {@code max} bytes inflated from the start of a gzip file; what a cut-off head yields, never an error. */
  static byte[] inflateHead(byte[] head, int max) {
    byte[] out = new byte[max];
    int n = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head), 4096)) {
      int r;
      while (n < max && (r = in.read(out, n, max - n)) > 0) {
        n += r;
      }
    } catch (IOException e) {
      // the head ends inside the stream, or is corrupt: keep what was inflated; reading the file will say more
    }
    return Arrays.copyOf(out, n);
  }

  /** The inflated content of {@code raw}, failing with {@link UnreadableInputException} past {@code limit} bytes. */
  static InputStream open(String path, InputStream raw, long limit) throws IOException {
    try {
      return new Bounded(path, new GZIPInputStream(raw, 8192), limit);
    } catch (ZipException | EOFException e) {
      raw.close();
      throw new UnreadableInputException(path, "corrupt gzip data: " + e.getMessage(), e);
    }
  }

  /** The shared bound, with the inflater's own failures reported as corrupt data of this file. */
  private static final class Bounded extends BoundedInputStream {
    private final String path;

    Bounded(String path, InputStream in, long limit) {
      super(in, limit, max -> new UnreadableInputException(path, "gzip data expands to more than " + max
          + " bytes (max of 1 GiB and 100 times the compressed size; a decompression bomb?)"));
      this.path = path;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (ZipException | EOFException e) {
        throw new UnreadableInputException(path, "corrupt gzip data: " + e.getMessage(), e);
      }
    }
  }
}
