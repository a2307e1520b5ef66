package dev.bulwark.model.scan.zip;

import java.io.IOException;

/** The bytes are not a readable zip. */
public final class ZipFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public ZipFormatException(String message) {
    super(message);
  }
}
