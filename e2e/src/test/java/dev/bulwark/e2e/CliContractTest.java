package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit-code and message contract CI pipelines rely on. */
class CliContractTest {
  @TempDir Path dir;

  @Test
  void versionPrintsNameAndVersion() {
    Cli.Result r = Cli.run("version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("bulwark ").contains("Java");
  }

  @Test
  void missingTargetIsAUsageErrorNamingThePath() {
    Cli.Result r = Cli.run("scan", dir.resolve("does-not-exist").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("does-not-exist").contains("no such file");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownFormatIsAUsageErrorBeforeScanning() {
    Cli.Result r = Cli.run("scan", dir.toString(), "-o", "pdf");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown output format 'pdf'").contains("json");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result r = Cli.run("scan", "--no-such-option", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--no-such-option");
  }

  @Test
  void badFailOnIsAUsageError() {
    Cli.Result r = Cli.run("scan", dir.toString(), "--fail-on", "severe");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("severe");
  }

  @Test
  void missingOutputFolderIsAUsageErrorAndNothingIsWritten() {
    Path out = dir.resolve("no/such/folder/report.json");
    Cli.Result r = Cli.run("scan", dir.toString(), "-o", "json=" + out);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("report.json").contains("does not exist");
    assertThat(out).doesNotExist();
  }

  @Test
  void cleanFolderPassesAndWritesJsonToAFile() throws Exception {
    Path target = dir.resolve("clean");
    Files.createDirectories(target);
    Files.writeString(target.resolve("hello.txt"), "hello world\n");
    Path out = dir.resolve("report.json");
    Cli.Result r = Cli.run("scan", target.toString(), "-o", "json=" + out, "--offline", "-q");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).contains("\"schema\"").contains("bulwark/report/v1");
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void everyCommandHasHelp() {
    // plugin commands too: named first, only that command's model is built
    for (String cmd : new String[] {"scan", "sbom", "version", "completion", "db", "model", "secrets", "policy",
        "data", "fairness", "drift"}) {
      Cli.Result r = Cli.run(cmd, "--help");
      assertThat(r.exitCode()).as(cmd).isZero();
      assertThat(r.out()).as(cmd).contains("Usage: bulwark " + cmd);
    }
  }

  @Test
  void topLevelHelpListsEveryCommand() {
    Cli.Result r = Cli.run("--help");
    assertThat(r.exitCode()).isZero();
    for (String cmd : new String[] {"scan", "sbom", "version", "db", "model", "secrets", "policy", "data", "fairness",
        "drift", "completion"}) {
      assertThat(r.out()).as(cmd).containsPattern("(?m)^  " + cmd + " ");
    }
  }

  @Test
  void completionScriptIsPrinted() {
    Cli.Result r = Cli.run("completion");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("complete -F").contains("bulwark");
  }
}
