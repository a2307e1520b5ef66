package dev.bulwark.cli;

import dev.bulwark.spi.CommandPlugin;
import dev.bulwark.spi.Plugins;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bulwark} command and its subcommands, including those contributed by plugins. */
@Command(name = "bulwark", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
    description = "DevSecOps for AI systems: inventory, vulnerabilities, model files, secrets, PII, misconfigurations, policy gate.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:passed (or passed with warnings)", "1:the gate failed",
        "2:usage error or unreadable input", "3:internal error or an analyzer failed (fail closed)"})
public final class BulwarkCli implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** Every command, including plugins' subcommands, answers {@code --help} and {@code --version}. */
  private static void withHelpEverywhere(CommandLine cmd) {
    if (!cmd.getCommandSpec().mixinStandardHelpOptions()) {
      cmd.getCommandSpec().mixinStandardHelpOptions(true);
    }
    for (CommandLine sub : cmd.getSubcommands().values()) {
      withHelpEverywhere(sub);
    }
  }

  /** Built-in commands that never need the plugins' commands: start-up skips loading them. */
  private static final java.util.Set<String> SELF_CONTAINED = java.util.Set.of("scan", "sbom", "version");

  /** The configured command line with every subcommand; {@code execute} never throws. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for these arguments: when the first one names a built-in command that cannot
   * reach a plugin's command, plugin commands are not instantiated (they cost start-up time).
   */
  public static CommandLine commandLine(String[] args) {
    CommandLine cmd = new CommandLine(new BulwarkCli());
    boolean needPlugins = args.length == 0 || !SELF_CONTAINED.contains(args[0]);
    // picocli builds a command's model (reflection over every option and mixin) when it is added, so a
    // built-in command named first is the only one built; anything else (help, a typo, a plugin's
    // command) gets all of them so that usage and suggestions list everything.
    for (Object builtIn : needPlugins ? java.util.List.of(new ScanCommand(), new SbomCommand(), new VersionCommand())
        : java.util.List.of(switch (args[0]) {
          case "scan" -> new ScanCommand();
          case "sbom" -> new SbomCommand();
          default -> new VersionCommand();
        })) {
      cmd.addSubcommand(builtIn);
    }
    for (CommandPlugin plugin : needPlugins ? Plugins.load(CommandPlugin.class, p -> p.getClass().getName())
        : java.util.List.<CommandPlugin>of()) {
      Object command = plugin.command();
      CommandLine sub = new CommandLine(command);
      if (!cmd.getSubcommands().containsKey(sub.getCommandName())) {
        cmd.addSubcommand(sub);
      }
    }
    withHelpEverywhere(cmd);
    AutoComplete.GenerateCompletion completion = new AutoComplete.GenerateCompletion();
    CommandLine completionCmd = new CommandLine(completion);
    completionCmd.setCommandName("completion");
    completionCmd.getCommandSpec().usageMessage().description(
        "Prints a bash/zsh completion script: source <(bulwark completion)");
    cmd.addSubcommand("completion", completionCmd);
    cmd.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.INTERNAL);
    cmd.setParameterExceptionHandler((ex, badArgs) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("bulwark: " + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
      return ExitCodes.USAGE;
    });
    cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("bulwark: internal error: " + ex);
      if (System.getenv("BULWARK_DEBUG") != null) {
        ex.printStackTrace(commandLine.getErr());
      } else {
        commandLine.getErr().println("bulwark: set BULWARK_DEBUG=1 for the stack trace");
      }
      return ExitCodes.INTERNAL;
    });
    return cmd;
  }
}
