package dev.bulwark.spi;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Scanner;
import java.util.List;

/**
 * Runs once over the whole target (git history, folder-level checks). Found with
 * {@link java.util.ServiceLoader}; must be stateless and thread-safe.
 */
public interface TargetAnalyzer {

  String id();

  Scanner scanner();

  /** Whether to run for this scan (e.g. only with {@code --git-history}). */
  default boolean enabled(ScanContext context) {
    return true;
  }

  List<Finding> analyze(FileTree tree, ScanContext context) throws Exception;
}
