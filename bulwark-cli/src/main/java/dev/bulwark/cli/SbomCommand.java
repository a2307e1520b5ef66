package dev.bulwark.cli;

import dev.bulwark.engine.Plugins;
import dev.bulwark.engine.Progress;
import dev.bulwark.engine.ScanEngine;
import dev.bulwark.model.ScanReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bulwark sbom PATH}: the inventory only, as CycloneDX by default. */
@Command(name = "sbom", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Inventories a folder, file, archive or image (no analyzers, no gate) and writes an SBOM.")
public final class SbomCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "PATH", description = "Folder, file, archive or image tarball.")
  Path target;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT[=FILE]",
      description = "Format and file (repeatable; default: cyclonedx-json on stdout).")
  List<String> outputs = new ArrayList<>();

  @Mixin
  ScanOptionsMixin common = new ScanOptionsMixin();

  @Override
  public Integer call() {
    PrintStream err = System.err;
    PrintStream out = System.out;
    try {
      List<OutputSpec> specs = ScanCommand.parseOutputs(outputs, "cyclonedx-json");
      if (!java.nio.file.Files.exists(target)) {
        throw new UsageException(target + ": no such file or folder");
      }
      ReportOutputs writers = new ReportOutputs();
      writers.check(specs);
      Progress progress = TerminalProgress.forConsole(err, common.quiet);
      ScanReport report;
      try {
        report = new ScanEngine(Plugins.discoverCatalogers(), common.toOptions(null, Map.of(), true)).scan(target, progress);
      } finally {
        if (progress instanceof TerminalProgress tp) tp.close();
      }
      writers.write(report, specs, out, System.console() != null);
      return ExitCodes.PASS;
    } catch (UsageException | IllegalArgumentException | ScanEngine.TargetException e) {
      err.println("bulwark: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("bulwark: interrupted");
      return ExitCodes.INTERNAL;
    }
  }
}
