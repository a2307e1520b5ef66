package dev.bulwark.cli;

/** Entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    // jHDF warns "Using development version of jHDF" on every HDF5 file it opens (its jar manifest lacks a
    // release version); that says nothing about the file scanned, so only its errors reach the user.
    if (System.getProperty("org.slf4j.simpleLogger.log.io.jhdf") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.io.jhdf", "error");
    }
    if (args.length == 1 && (args[0].equals("version") || args[0].equals("--version") || args[0].equals("-V"))) {
      // Printing the version needs no command model: building picocli's (reflection over every command and
      // option) is most of the start-up time, and `bulwark version` is what scripts call to probe the tool.
      System.out.println(VersionCommand.line());
      System.out.flush();
      System.exit(ExitCodes.PASS);
    }
    int code = BulwarkCli.commandLine(args).execute(args);
    System.out.flush();
    System.exit(code);
  }
}
