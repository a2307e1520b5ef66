package dev.bulwark.cli;

import dev.bulwark.engine.ToolVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bulwark version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Prints Bulwark's version and the Java runtime.")
public final class VersionCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(line());
    spec.commandLine().getOut().flush();
    return ExitCodes.PASS;
  }

  static String line() {
    return "bulwark " + ToolVersion.info().version() + " (Java " + Runtime.version().feature() + ", "
        + System.getProperty("java.vm.vendor", "unknown vendor") + ")";
  }

  /** Supplies {@code bulwark --version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {line()};
    }
  }
}
