import picocli.CommandLine;

/** Runs `bulwark fairness|drift ARGS` from the bulwark-ml classes, as the CLI would, for timing. */
public final class MlBench {
  public static void main(String[] args) {
    Object command = switch (args[0]) {
      case "fairness" -> new dev.bulwark.ml.cli.FairnessCommand();
      case "drift" -> new dev.bulwark.ml.cli.DriftCommand();
      default -> throw new IllegalArgumentException("fairness or drift, got " + args[0]);
    };
    System.exit(new CommandLine(command).execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
  }
}
