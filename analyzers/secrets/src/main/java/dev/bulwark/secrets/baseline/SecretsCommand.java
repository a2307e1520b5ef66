package dev.bulwark.secrets.baseline;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bulwark secrets}: secret-scanning utilities. */
@Command(name = "secrets", mixinStandardHelpOptions = true, description = "Secret detection utilities.",
    subcommands = {BaselineCommand.class})
public final class SecretsCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
