package dev.bulwark.model.scan.pickle;

import java.io.IOException;

/** The stream is not a well-formed pickle at {@link #offset()}. */
public final class PickleFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long offset;

  public PickleFormatException(long offset, String message) {
    super(message + " at offset 0x" + Long.toHexString(offset));
    this.offset = offset;
  }

  public long offset() {
    return offset;
  }
}
