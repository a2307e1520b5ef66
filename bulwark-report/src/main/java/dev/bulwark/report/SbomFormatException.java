package dev.bulwark.report;

import java.io.IOException;

/** A structural problem in an SBOM file; the cataloger turns it into an UnreadableInputException. */
final class SbomFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  SbomFormatException(String problem) {
    super(problem);
  }
}
