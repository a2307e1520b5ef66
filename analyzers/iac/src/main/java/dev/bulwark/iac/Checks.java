package dev.bulwark.iac;

import dev.bulwark.policy.InputKind;
import dev.bulwark.policy.Policies;
import dev.bulwark.policy.PolicyException;
import dev.bulwark.policy.PolicyFile;
import dev.bulwark.policy.PolicyLoader;
import dev.bulwark.policy.Rule;
import dev.bulwark.spi.ScanContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IaC inputs and their checks: the built-in rule files shipped in
 * {@code dev/bulwark/iac/checks/<input>.yaml}, plus users' rules of the same input from the files in
 * {@code iac.rules} and {@code policy.files} (same format as any policy).
 */
public final class Checks {
  public static final String USER_RULES = "iac.rules";

  public static final InputKind DOCKERFILE = InputKind.builder("dockerfile")
      .map("dockerfile").list("stages").list("instructions").map("final").map("file").build();
  public static final InputKind KUBERNETES = InputKind.builder("kubernetes")
      .map("resource").list("pods").list("containers").map("file").build();
  public static final InputKind GITHUB_ACTIONS = InputKind.builder("github-actions")
      .map("workflow").list("triggers").list("jobs").list("steps").list("uses").map("file").build();
  public static final InputKind GITLAB_CI = InputKind.builder("gitlab-ci")
      .map("pipeline").list("jobs").list("images").list("scripts").list("variables").map("file").build();
  public static final InputKind COMPOSE = InputKind.builder("compose")
      .map("compose").list("services").map("file").build();
  public static final List<InputKind> ALL = List.of(DOCKERFILE, KUBERNETES, GITHUB_ACTIONS, GITLAB_CI, COMPOSE);

  private static final Map<String, List<Rule>> BUILT_IN = new ConcurrentHashMap<>();

  private Checks() {}

  /** The built-in checks of one input. */
  public static List<Rule> builtIn(InputKind input) {
    return BUILT_IN.computeIfAbsent(input.name(), n -> {
      String name = "builtin:iac/" + n + ".yaml";
      try {
        PolicyFile f = new PolicyLoader(ALL).load(name, Policies.resource("/dev/bulwark/iac/checks/" + n + ".yaml"));
        return f.rules();
      } catch (PolicyException e) {
        throw new IllegalStateException("built-in checks do not compile: " + e.getMessage(), e);
      }
    });
  }

  /** Built-in checks plus the user's checks of this input configured for the scan. */
  public static List<Rule> forScan(InputKind input, ScanContext context) throws PolicyException, IOException {
    List<Rule> rules = new ArrayList<>(builtIn(input));
    StringBuilder spec = new StringBuilder();
    context.setting(USER_RULES).ifPresent(spec::append);
    context.setting(Policies.FILES).ifPresent(s -> spec.append(spec.isEmpty() ? "" : ",").append(s));
    if (!spec.isEmpty()) {
      for (PolicyFile f : Policies.load(spec.toString())) {
        for (Rule r : f.rules()) {
          if (r.input().name().equals(input.name())) {
            rules.add(r);
          }
        }
      }
    }
    return rules;
  }
}
