package dev.bulwark.spi;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Scanner;
import java.io.IOException;
import java.util.List;

/**
 * Looks at one file and reports findings (a pickle that runs code, a leaked key, a privileged pod).
 * Found with {@link java.util.ServiceLoader}; must be stateless and thread-safe.
 */
public interface FileAnalyzer {

  String id();

  Scanner scanner();

  boolean accepts(ScanFile file);

  /** Throw {@link UnreadableInputException} for malformed input; any other exception fails the analyzer. */
  List<Finding> analyze(ScanFile file, ScanContext context) throws IOException;
}
