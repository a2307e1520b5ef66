package dev.bulwark.vuln.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark db}: manage the local OSV vulnerability database. */
@Command(name = "db", description = "Manage the local OSV vulnerability database.",
    subcommands = {DbImportCommand.class, DbUpdateCommand.class, DbStatusCommand.class})
public final class DbCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** For {@code main}-less runs in tests and benchmarks. */
  public static int run(String... args) {
    return new CommandLine(new DbCommand()).execute(args);
  }
}
