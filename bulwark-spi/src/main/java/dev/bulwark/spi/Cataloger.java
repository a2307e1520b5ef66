package dev.bulwark.spi;

import dev.bulwark.model.Component;
import java.io.IOException;
import java.util.List;

/**
 * Turns one file into the components it declares (a lockfile's packages, a jar's embedded artifacts,
 * a model file). Found with {@link java.util.ServiceLoader}; must be stateless and thread-safe.
 */
public interface Cataloger {

  /** Stable id shown in outcomes: {@code sbom/npm-lock}. */
  String id();

  /** Whether this cataloger reads the file: by name and by {@link ScanFile#kind()}, never by extension alone. */
  boolean claims(ScanFile file);

  /**
   * Lists the components. Throw {@link UnreadableInputException} for malformed input; any other
   * exception marks the cataloger failed for the scan.
   */
  List<Component> catalog(ScanFile file, ScanContext context) throws IOException;

  /**
   * Whether the files this cataloger reads are inventory documents themselves (CycloneDX or SPDX SBOMs):
   * a scan whose target is one such file reports its target type as {@code sbom}.
   */
  default boolean readsInventoryDocuments() {
    return false;
  }
}
