package dev.bulwark.cli;

import dev.bulwark.spi.CommandPlugin;
import dev.bulwark.spi.Plugins;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The name a picocli command object declares, read without building its model. */
  private static String commandName(Object command) {
    Command c = command.getClass().getAnnotation(Command.class);
    return c == null ? "" : c.name();
  }

  /** Built-in commands that never need the plugins' commands: start-up skips loading them. */
  private static final java.util.Set<String> SELF_CONTAINED = java.util.Set.of("scan", "sbom", "version");

  /** The configured command line with every subcommand; {@code execute} never throws. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for these arguments. picocli builds a command's model (reflection over every option
   * and mixin) when it is added, which is most of the start-up time, so when the first argument names a
   * command (built-in or a plugin's) only that command is built. Anything else (help, a typo, {@code completion})
   * gets every command, so that usage and suggestions list them all.
   */
  public static CommandLine commandLine(String[] args) {
    CommandLine cmd = new CommandLine(new BulwarkCli());
    String first = args.length == 0 ? "" : args[0];
    boolean everyCommand = false;
    if (SELF_CONTAINED.contains(first)) {
      cmd.addSubcommand(switch (first) {
        case "scan" -> new ScanCommand();
        case "sbom" -> new SbomCommand();
        default -> new VersionCommand();
      });
    } else {
      List<CommandPlugin> plugins = Plugins.load(CommandPlugin.class, p -> p.getClass().getName());
      Map<String, Object> commands = new LinkedHashMap<>();
      for (CommandPlugin plugin : plugins) {
        Object command = plugin.command();
        commands.putIfAbsent(commandName(command), command);
      }
      if (!first.isEmpty() && commands.containsKey(first)) {
        cmd.addSubcommand(commands.get(first));
      } else {
        everyCommand = true;
        for (Object builtIn : List.of(new ScanCommand(), new SbomCommand(), new VersionCommand())) {
          cmd.addSubcommand(builtIn);
        }
        for (Object command : commands.values()) {
          CommandLine sub = new CommandLine(command);
          if (!cmd.getSubcommands().containsKey(sub.getCommandName())) {
            cmd.addSubcommand(sub);
          }
        }
      }
    }
    withHelpEverywhere(cmd);
    if (everyCommand) {
      AutoComplete.GenerateCompletion completion = new AutoComplete.GenerateCompletion();
      CommandLine completionCmd = new CommandLine(completion);
      completionCmd.setCommandName("completion");
      completionCmd.getCommandSpec().usageMessage().description(
          "Prints a bash/zsh completion script: source <(bulwark completion)");
      cmd.addSubcommand("completion", completionCmd);
    }
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
