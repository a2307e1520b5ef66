package dev.bulwark.policy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark policy}: tools for policy files. */
@Command(name = "policy", description = "Test and lint policy files.",
    subcommands = {PolicyTestCommand.class, PolicyLintCommand.class})
public final class PolicyCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
