package dev.bulwark.policy.cli;

import dev.bulwark.policy.Policies;
import dev.bulwark.policy.PolicyException;
import dev.bulwark.policy.testing.PolicyTestRunner;
import dev.bulwark.policy.testing.PolicyTestRunner.CaseResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark policy test DIR|FILE}: runs the policy test files ({@code *_test.yaml}, {@code *.test.yaml},
 * {@code tests/*.yaml}). Exit 0 when every case passes, 1 when one fails, 2 when a file cannot be read.
 */
@Command(name = "test", description = "Run policy test cases (*_test.yaml) against the policies beside them.")
public final class PolicyTestCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "DIR|FILE", description = "Test file or directory with test files.")
  Path path;

  @Option(names = "--builtin", description = "Also run the test cases of the built-in packs (baseline, strict).")
  boolean builtin;

  @Option(names = {"-v", "--verbose"}, description = "Print passing cases too.")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (path == null && !builtin) {
      err.println("bulwark policy test: give a directory or file with policy tests, or --builtin");
      return 2;
    }
    List<CaseResult> results = new ArrayList<>();
    try {
      if (builtin) {
        for (String pack : Policies.BUILT_IN) {
          results.addAll(PolicyTestRunner.runBuiltIn(pack));
        }
      }
      if (path != null) {
        if (!Files.exists(path)) {
          err.println(path + ": no such file or directory");
          return 2;
        }
        List<Path> files = PolicyTestRunner.testFiles(path);
        if (files.isEmpty()) {
          err.println(path + ": no policy test files (*_test.yaml) found");
          return 2;
        }
        for (Path f : files) {
          results.addAll(PolicyTestRunner.runFile(f));
        }
      }
    } catch (PolicyException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("cannot read policy tests: " + e.getMessage());
      return 2;
    }
    int failed = 0;
    for (CaseResult r : results) {
      if (r.passed()) {
        if (verbose) {
          out.println("PASS " + r.file() + " " + r.name());
        }
      } else {
        failed++;
        out.println("FAIL " + r.file() + " " + r.name() + ": " + r.failure().get());
      }
    }
    out.println(results.size() + " cases, " + (results.size() - failed) + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
