package dev.bulwark.spi;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Scanner;
import java.util.List;

/**
 * Runs once on the merged inventory (vulnerability matching, licence checks). Found with
 * {@link java.util.ServiceLoader}; must be stateless and thread-safe.
 */
public interface InventoryAnalyzer {

  String id();

  Scanner scanner();

  /**
   * Returns findings about components of the inventory. To skip (e.g. no database), throw
   * {@link AnalyzerSkippedException} with the reason; other exceptions fail the analyzer.
   */
  List<Finding> analyze(Inventory inventory, ScanContext context) throws Exception;
}
