package dev.bulwark.vuln.cli;

import dev.bulwark.vuln.db.OsvDownloader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark db update [--ecosystem E]...}. */
@Command(name = "update", description = "Download osv.dev's per-ecosystem zips (conditional, resumable) and swap them in atomically.")
public final class DbUpdateCommand implements Callable<Integer> {

  @Mixin
  DbOptions options = new DbOptions();

  @Option(names = "--ecosystem", paramLabel = "E", description = "OSV ecosystem to fetch (repeatable; default: those"
      + " fetched before, else PyPI, npm, Maven, Go, crates.io, RubyGems, NuGet, Packagist, Hex, Pub).")
  List<String> ecosystems;

  @Option(names = "--mirror", paramLabel = "URL", description = "Base URL serving <Ecosystem>/all.zip"
      + " (default: ${DEFAULT-VALUE}).", defaultValue = "https://osv-vulnerabilities.storage.googleapis.com/")
  URI mirror;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path file = options.path();
    List<String> which = ecosystems == null || ecosystems.isEmpty() ? OsvDownloader.knownEcosystems(file) : ecosystems;
    try {
      OsvDownloader.Result r = new OsvDownloader(OsvDownloader.defaultClient(), mirror, Progress.stderr(err),
          Clock.systemUTC()).update(file, which);
      r.ecosystems().forEach((e, s) -> out.printf("%s: %s%n", e, s));
      out.printf("database: %s%n", file);
      out.flush();
      return 0;
    } catch (IOException e) {
      err.printf("bulwark db update: %s (the database at %s is unchanged)%n", e.getMessage(), file);
      return 3;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.printf("bulwark db update: interrupted (the database at %s is unchanged)%n", file);
      return 3;
    }
  }
}
