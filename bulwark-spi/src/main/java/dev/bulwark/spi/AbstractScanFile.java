package dev.bulwark.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Base of {@link ScanFile} implementations: reads {@link #head()} once, on first use, and sniffs
 * {@link #kind()} from it. Subclasses supply {@link #open()}.
 */
public abstract class AbstractScanFile implements ScanFile {
  private volatile byte[] head;
  private volatile FileKind kind;
  private volatile String name;

  /** The last path segment, computed once: every cataloger's {@code claims()} asks for it. */
  @Override
  public String name() {
    String n = name;
    if (n == null) {
      n = ScanFile.super.name();
      name = n;
    }
    return n;
  }

  @Override
  public final byte[] head() {
    byte[] h = head;
    if (h == null) {
      try (InputStream in = open()) {
        h = in.readNBytes(HEAD_BYTES);
      } catch (IOException e) {
        throw new UncheckedIOException(path() + ": cannot read: " + e.getMessage(), e);
      }
      head = h;
    }
    return h;
  }

  @Override
  public final FileKind kind() {
    FileKind k = kind;
    if (k == null) {
      k = Magic.sniff(head());
      kind = k;
    }
    return k;
  }

  @Override
  public String toString() {
    return path();
  }
}
