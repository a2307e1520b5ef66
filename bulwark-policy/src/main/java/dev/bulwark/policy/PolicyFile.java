package dev.bulwark.policy;

import dev.bulwark.policy.license.LicensePolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loaded and compiled policy file; {@code warnings} are what {@code bulwark policy lint} reports. */
public record PolicyFile(String path, String name, String description, Map<String, Object> params,
    List<Rule> rules, List<Waiver> waivers, Optional<LicensePolicy> licenses, List<PolicyProblem> warnings) {

  public PolicyFile {
    params = Map.copyOf(params);
    rules = List.copyOf(rules);
    waivers = List.copyOf(waivers);
    warnings = List.copyOf(warnings);
  }
}
