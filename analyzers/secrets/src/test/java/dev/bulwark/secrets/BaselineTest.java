package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Inventory;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Target;
import dev.bulwark.model.Verdict;
import dev.bulwark.secrets.baseline.Baseline;
import dev.bulwark.secrets.baseline.BaselineStage;
import dev.bulwark.secrets.baseline.SecretsCommand;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BaselineTest {

  @TempDir
  Path dir;

  private int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cmd = new CommandLine(new SecretsCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private List<Finding> scanTree(Path root) throws Exception {
    List<Finding> all = new ArrayList<>();
    SecretFileAnalyzer a = new SecretFileAnalyzer();
    for (var f : Fixtures.tree(root).files()) {
      if (a.accepts(f)) {
        all.addAll(a.analyze(f, Fixtures.context(root)));
      }
    }
    return all;
  }

  @Test
  void baselineCommandRecordsFingerprintsAndTheStageSuppressesThem() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("app.py"), "TOKEN = '" + FileFormatsTest.TOKEN + "'\n");
    Path baselineFile = dir.resolve("out/secrets-baseline.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(run(out, err, "baseline", project.toString(), "-o", baselineFile.toString())).isZero();
    assertThat(out.toString()).contains("Recorded 1 secret finding(s)");
    String json = Files.readString(baselineFile);
    assertThat(json).contains("bulwark/secrets-baseline/v1").doesNotContain(FileFormatsTest.TOKEN);

    // a new secret appears later
    Files.writeString(project.resolve("new.env"), "TOKEN=" + FileFormatsTest.OTHER + "\n");
    List<Finding> findings = scanTree(project);
    ScanReport report = new ScanReport(new ScanReport.ToolInfo("bulwark", "test"),
        new Target(project.toString(), Target.Type.DIRECTORY, Map.of()), Fixtures.CLOCK.instant(), 0,
        new Inventory(List.of()), findings, List.of(), Verdict.pass());
    ScanReport after = new BaselineStage().apply(report,
        Fixtures.context(project, Map.of("secrets.baseline", baselineFile.toString())));
    assertThat(after.findings()).hasSize(2);
    assertThat(after.activeFindings()).extracting(f -> f.location().path()).containsExactly("new.env");
    Finding old = after.findings().stream().filter(Finding::isSuppressed).findFirst().orElseThrow();
    assertThat(old.suppression().kind()).isEqualTo("baseline");
    // without the setting nothing changes
    assertThat(new BaselineStage().apply(report, Fixtures.context(project)).activeFindings()).hasSize(2);
  }

  @Test
  void missingPathIsAUsageError() {
    StringWriter err = new StringWriter();
    assertThat(run(new StringWriter(), err, "baseline", dir.resolve("nope").toString(), "-o", dir.resolve("b.json").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("nope").contains("no such file");
    assertThat(dir.resolve("b.json")).doesNotExist();
  }

  @Test
  void malformedBaselineNamesTheFile() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"schema\": \"something/else\"}");
    assertThatThrownBy(() -> Baseline.read(bad)).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("bad.json").hasMessageContaining("not a secrets baseline");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schema\": ");
    assertThatThrownBy(() -> Baseline.read(broken)).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("not valid JSON");
  }
}
