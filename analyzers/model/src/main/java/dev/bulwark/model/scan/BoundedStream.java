package dev.bulwark.model.scan;

import dev.bulwark.spi.BoundedInputStream;
import java.io.InputStream;

/** Counts what a decompressor produces and stops at a bound, so that bombs cannot fill memory or time. */
final class BoundedStream extends BoundedInputStream {
  BoundedStream(InputStream in, long max, String what) {
    super(in, max, limit -> new DecompressionLimitException(what + " expands past " + limit + " bytes"));
  }
}
