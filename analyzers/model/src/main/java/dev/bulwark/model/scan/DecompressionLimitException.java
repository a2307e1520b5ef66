package dev.bulwark.model.scan;

import java.io.IOException;

/** A compressed stream expanded past its bound. */
public final class DecompressionLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  public DecompressionLimitException(String message) {
    super(message);
  }
}
