package dev.bulwark.vuln.cli;

import dev.bulwark.vuln.db.OsvDatabase;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db PATH}, shared by every {@code db} subcommand. */
final class DbOptions {
  @Option(names = "--db", paramLabel = "PATH",
      description = "Database file (default: ${XDG_CACHE_HOME:-~/.cache}/bulwark/osv.db).")
  Path db;

  Path path() {
    return db != null ? db : OsvDatabase.defaultPath();
  }
}
