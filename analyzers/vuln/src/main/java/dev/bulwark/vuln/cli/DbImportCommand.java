package dev.bulwark.vuln.cli;

import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.vuln.db.OsvDatabase;
import dev.bulwark.vuln.db.OsvImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark db import PATH...}. */
@Command(name = "import", description = "Import OSV advisories: all.zip-style zips, folders of them or of OSV JSON, JSON files.")
public final class DbImportCommand implements Callable<Integer> {

  @Mixin
  DbOptions options = new DbOptions();

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Zips, folders or JSON files.")
  List<Path> paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path file = options.path();
    long start = System.nanoTime();
    try (OsvDatabase db = OsvDatabase.openForWriting(file)) {
      OsvImporter.Result r = new OsvImporter(db, Progress.stderr(err), Clock.systemUTC()).importAll(paths);
      double secs = (System.nanoTime() - start) / 1e9;
      out.printf("%d records read (%d added, %d updated, %d unchanged) into %s in %.1f s%n", r.total(), r.added(),
          r.updated(), r.unchanged(), file, secs);
      if (!r.notes().isEmpty()) {
        out.printf("%d files skipped (see above)%n", r.notes().size());
      }
      out.flush();
      return 0;
    } catch (UnreadableInputException e) {
      err.printf("bulwark db import: %s: %s (nothing was imported)%n", e.path(), e.problem());
      return 2;
    } catch (IOException e) {
      err.printf("bulwark db import: %s%n", e.getMessage());
      return 2;
    }
  }
}
