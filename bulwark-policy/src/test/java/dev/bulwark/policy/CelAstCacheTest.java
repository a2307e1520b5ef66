package dev.bulwark.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checked expressions are cached on disk and read back into the same program. */
class CelAstCacheTest {

  @TempDir Path dir;
  private String before;

  @BeforeEach
  void useTempCache() {
    before = System.getProperty("bulwark.cel.cache");
    System.setProperty("bulwark.cel.cache", dir.toString());
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty("bulwark.cel.cache");
    } else {
      System.setProperty("bulwark.cel.cache", before);
    }
  }

  private static final String EXPR = "finding.severity == 'critical' && severityRank(finding.severity) > 3";
  private static final Map<String, Object> CRITICAL = Map.of("finding", Map.of("severity", "critical"));
  private static final Map<String, Object> LOW = Map.of("finding", Map.of("severity", "low"));

  private List<Path> cached() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".pb")).toList();
    }
  }

  @Test
  void aCompiledExpressionIsWrittenOnceAndReadBackIntoTheSameProgram() throws Exception {
    CelRuntime.Program compiled = CelEnvironment.compile(InputKind.FINDING, EXPR, List.of());
    assertThat(cached()).hasSize(1);
    Path file = cached().get(0);
    long written = Files.getLastModifiedTime(file).toMillis();
    CelRuntime.Program read = CelEnvironment.compile(InputKind.FINDING, EXPR, List.of());
    assertThat(cached()).containsExactly(file);
    assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(written);
    for (Map<String, Object> input : List.of(CRITICAL, LOW)) {
      assertThat(read.eval(input)).isEqualTo(compiled.eval(input));
    }
    assertThat(read.eval(CRITICAL)).isEqualTo(true);
    assertThat(read.eval(LOW)).isEqualTo(false);
  }

  @Test
  void theKeyCoversExtraVariables() throws Exception {
    CelEnvironment.compile(InputKind.FINDING, "true", List.of());
    CelEnvironment.compile(InputKind.FINDING, "true", List.of("detail"));
    assertThat(cached()).hasSize(2);
  }

  @Test
  void aDamagedCacheFileIsCompiledAgainAndRewritten() throws Exception {
    CelEnvironment.compile(InputKind.FINDING, EXPR, List.of());
    Path file = cached().get(0);
    Files.write(file, new byte[] {0x0a, (byte) 0xff, 0x01, 0x02});
    CelRuntime.Program again = CelEnvironment.compile(InputKind.FINDING, EXPR, List.of());
    assertThat(again.eval(CRITICAL)).isEqualTo(true);
    assertThat(Files.size(file)).isGreaterThan(4);
  }

  @Test
  void expressionsThatDoNotCompileAreNotCached() throws Exception {
    assertThatThrownBy(() -> CelEnvironment.compile(InputKind.FINDING, "undeclaredVariable == 1", List.of()))
        .isInstanceOf(CelValidationException.class);
    assertThat(cached()).isEmpty();
  }

  @Test
  void offDisablesIt() throws Exception {
    System.setProperty("bulwark.cel.cache", "off");
    CelEnvironment.compile(InputKind.FINDING, EXPR, List.of());
    assertThat(cached()).isEmpty();
  }
}
