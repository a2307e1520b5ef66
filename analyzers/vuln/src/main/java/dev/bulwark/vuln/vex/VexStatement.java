package dev.bulwark.vuln.vex;

import java.util.List;
import java.util.Set;

/**
 * One VEX statement, whichever format it came from.
 *
 * @param vulnerabilities the vulnerability id and every alias the statement gives for it
 * @param products package identifiers (purls or bom-refs) the statement is about; empty means every product
 * @param status normalised to OpenVEX's {@code not_affected | affected | fixed | under_investigation}
 * @param justification the machine-readable justification, or null
 * @param detail impact statement or analysis detail, or null
 * @param source the VEX file
 */
public record VexStatement(Set<String> vulnerabilities, List<String> products, String status, String justification,
    String detail, String source) {

  public VexStatement {
    vulnerabilities = Set.copyOf(vulnerabilities);
    products = List.copyOf(products);
  }

  /** True for the statuses that take a finding out of the gate. */
  public boolean suppresses() {
    return status.equals("not_affected") || status.equals("fixed");
  }
}
