package dev.bulwark.policy.cli;

import dev.bulwark.policy.PolicyException;
import dev.bulwark.policy.PolicyFile;
import dev.bulwark.policy.PolicyProblem;
import dev.bulwark.policy.lint.PolicyLinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark policy lint FILE|DIR...}: compiles every policy file and prints problems as
 * {@code file:line:column: error|warning: message}. Exit 0 when clean (warnings allowed unless
 * {@code --strict}), 1 when a policy has errors, 2 when a path does not exist or cannot be read.
 */
@Command(name = "lint", description = "Check policy files: YAML, CEL compile errors, waivers, unknown keys.")
public final class PolicyLintCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Policy files or directories.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
  boolean strict;

  @Spec
  CommandSpec spec;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int errors = 0;
    int warnings = 0;
    int files = 0;
    for (Path p : paths) {
      if (!Files.exists(p)) {
        err.println(p + ": no such file or directory");
        return 2;
      }
      List<Path> found;
      try {
        found = dev.bulwark.policy.Policies.policyFiles(p);
      } catch (IOException | PolicyException e) {
        err.println(p + ": " + e.getMessage());
        return 2;
      }
      for (Path f : found) {
        files++;
        List<PolicyProblem> problems = new ArrayList<>();
        try {
          PolicyFile pf = dev.bulwark.policy.Policies.file(f);
          problems.addAll(PolicyLinter.lint(pf, LocalDate.now(clock)));
        } catch (PolicyException e) {
          problems.addAll(e.problems());
        } catch (IOException e) {
          err.println(f + ": cannot read: " + e.getMessage());
          return 2;
        }
        for (PolicyProblem problem : problems) {
          out.println(problem);
          if (problem.error()) {
            errors++;
          } else {
            warnings++;
          }
        }
      }
    }
    out.println(files + " policy files, " + errors + " errors, " + warnings + " warnings");
    out.flush();
    return errors > 0 || (strict && warnings > 0) ? 1 : 0;
  }
}
