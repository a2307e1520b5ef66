package dev.bulwark.ml.data;

import dev.bulwark.spi.BoundedInputStream;
import dev.bulwark.spi.UnreadableInputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Bounds on what a compressed input may expand to, checked before DuckDB reads it: a data file of
 * uncertain origin can be a decompression bomb (a few megabytes of gzip that inflate to terabytes),
 * which DuckDB would parse to the end and, for drift, load into a table that spills to disk. An input
 * may expand to {@code max(ALLOWANCE, ratio x its size)}; the ratio is 100 by default (system property
 * {@code bulwark.ml.maxInflateRatio}); real gzip CSVs compress 3-20 times.
 */
public final class InputBounds {
  /** Any input may expand to this much whatever its ratio: small files cannot do harm. */
  static final long ALLOWANCE = 1L << 30;

  private InputBounds() {}

  static double maxRatio() {
    String v = System.getProperty("bulwark.ml.maxInflateRatio", "100");
    try {
      double r = Double.parseDouble(v);
      return r > 0 ? r : 100;
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  static long limitFor(long compressedBytes) {
    double limit = Math.max((double) ALLOWANCE, maxRatio() * compressedBytes);
    return limit >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) limit;
  }

  static boolean isGzip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(2);
      return head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Inflates the gzip file (every member, as DuckDB does) without keeping anything, and stops as soon
   * as it has produced more than the limit; a corrupt stream is reported here too, by name.
   */
  static void checkGzip(Path file, String display) throws UnreadableInputException {
    long size = sizeOf(file, display);
    long limit = limitFor(size);
    try (InputStream in = new BoundedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16), limit,
        max -> new UnreadableInputException(display, "gzip data expands to more than " + max + " bytes" + tooMuch(max, size)))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (UnreadableInputException e) {
      throw e;
    } catch (ZipException | EOFException e) {
      throw new UnreadableInputException(display, "corrupt gzip data: " + e.getMessage());
    } catch (IOException e) {
      throw new UnreadableInputException(display, "cannot read gzip data: " + e.getMessage());
    }
  }

  /**
   * Parquet compresses each column chunk; its footer states the uncompressed sizes, and DuckDB sizes
   * its page buffers from the page headers, so the footer's total is checked against the same bound.
   */
  static void checkParquet(Statement s, String sqlPath, Path file, String display) throws UnreadableInputException {
    long size = sizeOf(file, display);
    long limit = limitFor(size);
    try (ResultSet rs = s.executeQuery("SELECT coalesce(sum(total_uncompressed_size), 0)::HUGEINT FROM parquet_metadata('" + sqlPath + "')")) {
      rs.next();
      java.math.BigInteger expanded = new java.math.BigInteger(rs.getString(1));
      if (expanded.compareTo(java.math.BigInteger.valueOf(limit)) > 0) {
        throw new UnreadableInputException(display, "Parquet column chunks expand to " + expanded + " bytes, more than "
            + limit + tooMuch(limit, size));
      }
    } catch (SQLException e) {
      String m = e.getMessage() == null ? "unknown error" : e.getMessage().strip().lines().findFirst().orElse("unknown error");
      throw new UnreadableInputException(display, "cannot read as Parquet: " + m, e);
    }
  }

  private static long sizeOf(Path file, String display) throws UnreadableInputException {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UnreadableInputException(display, "cannot read: " + e.getMessage());
    }
  }

  private static String tooMuch(long limit, long size) {
    String bound = limit == ALLOWANCE && maxRatio() * size < ALLOWANCE ? "the fixed allowance for" : maxRatio() + " times";
    return " (" + bound + " its " + size + " bytes; a decompression bomb?); raise -Dbulwark.ml.maxInflateRatio if it is real";
  }
}
