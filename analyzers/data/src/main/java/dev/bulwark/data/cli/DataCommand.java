package dev.bulwark.data.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark data}: PII detection, masking and lineage for datasets. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Find personal data in datasets, write masked copies, and emit OpenLineage events.",
    subcommands = {DataScanCommand.class, DataMaskCommand.class})
public final class DataCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** Runs {@code data} on its own (benchmarks, scripts); the bulwark CLI embeds it as a subcommand. */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new DataCommand()).execute(args));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
