package dev.bulwark.policy.license;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.Severity;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.PolicyFile;
import dev.bulwark.spi.AnalyzerSkippedException;
import dev.bulwark.spi.InventoryAnalyzer;
import dev.bulwark.spi.ScanContext;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks every third-party component's licences against the licence policy: the {@code licenses:} section
 * of the file named by {@code policy.licenses}, else of the scan's policy files. Reports
 * {@code license/denied}, {@code license/not-allowed} and {@code license/unknown}. Skipped when no
 * licence policy is configured.
 */
public final class LicensePolicyAnalyzer implements InventoryAnalyzer {
  public static final String SETTING = "policy.licenses";
  public static final String DENIED = "license/denied";
  public static final String NOT_ALLOWED = "license/not-allowed";
  public static final String UNKNOWN = "license/unknown";

  @Override
  public String id() {
    return "license-policy";
  }

  @Override
  public Scanner scanner() {
    return Scanner.LICENSE;
  }

  @Override
  public List<Finding> analyze(Inventory inventory, ScanContext context) throws Exception {
    Optional<String> file = context.setting(SETTING).filter(s -> !s.isBlank());
    List<PolicyFile> files = file.isPresent() ? List.of(Policies.file(Paths.get(file.get()))) : Policies.forScan(context);
    PolicyFile source = null;
    for (PolicyFile f : files) {
      if (f.licenses().isPresent()) {
        source = f;
        break;
      }
    }
    if (source == null) {
      throw new AnalyzerSkippedException(file.isPresent() ? file.get() + " has no 'licenses:' section"
          : "no licence policy: set policy.licenses or add a 'licenses:' section to a policy file");
    }
    return check(inventory, source.licenses().get(), source.path());
  }

  public static List<Finding> check(Inventory inventory, LicensePolicy policy, String policyPath) {
    List<Finding> out = new ArrayList<>();
    for (Component c : inventory.components()) {
      if (c.firstParty() || c.type() == ComponentType.FILE || policy.ignores(c.ref())) {
        continue;
      }
      LicenseOutcome outcome = policy.judge(c.licenses());
      if (outcome == LicenseOutcome.ALLOWED) {
        continue;
      }
      String expr = c.licenses().isEmpty() ? "(none)" : String.join(" AND ", c.licenses());
      String name = c.displayName() + (c.version() == null ? "" : "@" + c.version());
      Finding.Builder b = switch (outcome) {
        case DENIED -> Finding.builder(Scanner.LICENSE, DENIED, policy.deniedSeverity(),
            name + " is licensed under a denied licence: " + expr);
        case NOT_ALLOWED -> Finding.builder(Scanner.LICENSE, NOT_ALLOWED, policy.notAllowedSeverity(),
            name + " has a licence outside the allow list: " + expr);
        default -> Finding.builder(Scanner.LICENSE, UNKNOWN, policy.unknownSeverity(),
            name + (c.licenses().isEmpty() ? " declares no licence" : " has an unrecognised licence: " + expr));
      };
      b.component(c.ref()).evidence("license", expr).evidence("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
          .evidence("policy", policyPath).fingerprint(outcome + "|" + expr);
      if (!c.locations().isEmpty()) {
        b.location(c.locations().get(0));
      }
      if (outcome == LicenseOutcome.UNKNOWN) {
        b.fix("Find the component's licence and record it, or add it to the licence policy's ignore list.");
      } else {
        b.fix("Replace the component, obtain another licence, or change the licence policy with a reason.");
      }
      out.add(b.build());
    }
    return out;
  }

}
