package dev.bulwark.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Finding;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code fixtures/iac} is scanned by the IaC analyzers that accept it; the findings
 * (rule@line) must equal the file's inline {@code # EXPECT:} markers, and every finding's column must
 * point into the line.
 */
class IacFixturesTest {

  @BeforeAll
  static void strict() {
    IacAnalyzerBase.strict = true;
  }

  static Stream<String> fixtures() {
    Path root = Fixtures.path("iac");
    return Fixtures.tree(root).files().stream().map(ScanFile::path).filter(p -> !p.endsWith(".md"));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void findingsMatchInlineExpectations(String path) throws Exception {
    Path root = Fixtures.path("iac");
    ScanContext context = Fixtures.context(root);
    ScanFile file = context.tree().file(path).orElseThrow();
    String text = file.readString(1 << 20);
    Expectations expect = Expectations.of(text);
    List<Finding> findings = new ArrayList<>();
    int accepted = 0;
    for (FileAnalyzer a : ServiceLoader.load(FileAnalyzer.class)) {
      if (a.accepts(file)) {
        accepted++;
        findings.addAll(a.analyze(file, context));
      }
    }
    boolean negative = path.contains("not-iac/");
    assertThat(accepted).as("analyzers accepting " + path).isEqualTo(negative ? 0 : 1);
    Set<String> got = new TreeSet<>();
    String[] lines = text.split("\n", -1);
    for (Finding f : findings) {
      assertThat(f.location().path()).isEqualTo(path);
      int line = f.location().line();
      assertThat(f.location().column()).as(f.rule() + " column on line " + line)
          .isBetween(1, Math.max(1, lines[line - 1].length()));
      if (!expect.ignored.contains(f.rule())) {
        got.add(f.rule() + "@" + line);
      }
    }
    assertThat(got).as(path + " findings: " + findings.stream().map(f -> f.rule() + "@" + f.location().line() + ":" + f.location().column() + " " + f.title()).toList())
        .isEqualTo(expect.expected);
  }
}
