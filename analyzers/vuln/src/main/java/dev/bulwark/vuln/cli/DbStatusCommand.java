package dev.bulwark.vuln.cli;

import dev.bulwark.vuln.db.DatabaseStatus;
import dev.bulwark.vuln.db.OsvDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bulwark db status}. */
@Command(name = "status", description = "Show entries per ecosystem, newest modified, sources and schema version.")
public final class DbStatusCommand implements Callable<Integer> {

  @Mixin
  DbOptions options = new DbOptions();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path file = options.path();
    if (!Files.exists(file)) {
      err.printf("bulwark db status: no vulnerability database at %s; run 'bulwark db import <osv zips>' or"
          + " 'bulwark db update'%n", file);
      return 2;
    }
    try (OsvDatabase db = OsvDatabase.openReadOnly(file)) {
      DatabaseStatus s = DatabaseStatus.of(db);
      out.printf("database: %s%nschema version: %s%nadvisories: %d%n%n", s.file(), s.schemaVersion(), s.advisories());
      out.printf("%-24s %10s  %s%n", "ECOSYSTEM", "ENTRIES", "NEWEST MODIFIED");
      for (DatabaseStatus.EcosystemCount e : s.ecosystems()) {
        out.printf("%-24s %10d  %s%n", e.ecosystem(), e.entries(), e.newestModified());
      }
      out.printf("%nsources:%n");
      for (DatabaseStatus.Source src : s.sources()) {
        out.printf("  %s (%s, %d records, imported %s)%n", src.name(), src.kind(), src.entries(), src.importedAt());
      }
      out.flush();
      return 0;
    } catch (IOException e) {
      err.printf("bulwark db status: %s%n", e.getMessage());
      return 2;
    }
  }
}
