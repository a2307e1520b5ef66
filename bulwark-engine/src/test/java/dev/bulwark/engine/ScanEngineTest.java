package dev.bulwark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.model.AnalyzerOutcome;
import dev.bulwark.model.Finding;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Verdict;
import dev.bulwark.spi.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanEngineTest {
  @TempDir Path dir;

  private final RecordingAnalyzer recorder = new RecordingAnalyzer();

  private ScanReport scan(Path target) throws Exception {
    return scan(target, Limits.DEFAULT);
  }

  private ScanReport scan(Path target, Limits limits) throws Exception {
    ScanOptions options = ScanOptions.defaults().withLimits(limits).withSettings(Map.of());
    return new ScanEngine(Plugins.of(List.of(), List.of(recorder)), options).scan(target, Progress.NONE);
  }

  private static List<String> rules(ScanReport r) {
    return r.findings().stream().map(f -> f.scanner().id() + "/" + f.rule()).toList();
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void walksFoldersHonouringIgnoreFilesAndSkippingGit() throws Exception {
    Path t = dir.resolve("t");
    write(t.resolve("src/app.py"), "print(1)");
    write(t.resolve("build/out.txt"), "x");
    write(t.resolve("logs/keep.log"), "x");
    write(t.resolve("logs/drop.log"), "x");
    write(t.resolve(".git/config"), "x");
    write(t.resolve("vendor/lib.js"), "x");
    write(t.resolve(".gitignore"), "build/\n*.log\n!keep.log\n");
    write(t.resolve(".bulwarkignore"), "vendor\n");
    write(t.resolve("sub/.gitignore"), "local.txt\n");
    write(t.resolve("sub/local.txt"), "x");
    write(t.resolve("sub/other.txt"), "x");

    scan(t);

    assertThat(recorder.seen).containsExactlyInAnyOrder(".bulwarkignore", ".gitignore", "src/app.py", "logs/keep.log",
        "sub/.gitignore", "sub/other.txt");
  }

  @Test
  void findingsAreSortedAndTheDefaultGateFailsOnHigh() throws Exception {
    Path t = dir.resolve("t");
    write(t.resolve("secret.txt"), "x");
    ScanReport r = scan(t);
    assertThat(r.findings()).extracting(Finding::rule).containsExactly("test-rule");
    assertThat(r.verdict().result()).isEqualTo(Verdict.Result.FAIL);
    assertThat(r.verdict().firedRules()).extracting(Verdict.FiredRule::rule).containsExactly("fail-on-high");
  }

  @Test
  void analyzerFailuresAreOutcomesAndBadInputIsAFinding() throws Exception {
    Path t = dir.resolve("t");
    write(t.resolve("a/boom"), "x");
    write(t.resolve("b/broken"), "x");
    write(t.resolve("c/fine"), "x");
    ScanReport r = scan(t);
    AnalyzerOutcome o = r.outcomes().stream().filter(x -> x.analyzer().equals("test/recording")).findFirst().orElseThrow();
    assertThat(o.status()).isEqualTo(AnalyzerOutcome.Status.FAILED);
    assertThat(o.message()).contains("a/boom").contains("kaboom");
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("unreadable-file");
      assertThat(f.location().path()).isEqualTo("b/broken");
      assertThat(f.description()).contains("not valid");
    });
    assertThat(recorder.seen).contains("c/fine");
  }

  @Test
  void missingTargetIsATargetError() {
    assertThatThrownBy(() -> scan(dir.resolve("nope"))).isInstanceOf(ScanEngine.TargetException.class)
        .hasMessageContaining("nope").hasMessageContaining("no such file");
  }

  @Test
  void expandsNestedArchivesWithMemberPaths() throws Exception {
    Path inner = dir.resolve("inner.jar");
    zip(inner, Map.of("META-INF/maven/g/a/pom.properties", "version=1"));
    Path tgz = dir.resolve("bundle.tar.gz");
    tarGz(tgz, Map.of("lib/inner.jar", Files.readAllBytes(inner), "README", "hi".getBytes(StandardCharsets.UTF_8)));
    Path outer = dir.resolve("t/app.zip");
    Files.createDirectories(outer.getParent());
    Files.write(outer, zipBytes(Map.of("deps/bundle.tar.gz", Files.readAllBytes(tgz))));

    ScanReport r = scan(dir.resolve("t"));

    assertThat(recorder.seen).contains("app.zip", "app.zip!deps/bundle.tar.gz", "app.zip!deps/bundle.tar.gz!lib/inner.jar",
        "app.zip!deps/bundle.tar.gz!lib/inner.jar!META-INF/maven/g/a/pom.properties", "app.zip!deps/bundle.tar.gz!README");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void zipSlipIsReportedAndNothingIsWrittenOutsideTheSandbox() throws Exception {
    Path t = dir.resolve("deep/t");
    Files.createDirectories(t);
    zip(t.resolve("evil.zip"), Map.of("../../../../../../../../tmp/bulwark-zip-slip-" + ProcessHandle.current().pid(), "pwned",
        "/etc/bulwark-abs-" + ProcessHandle.current().pid(), "pwned", "ok.txt", "fine"));
    ScanReport r = scan(t);
    assertThat(rules(r)).containsOnly("sbom/archive-path-traversal");
    assertThat(r.findings()).hasSize(2);
    assertThat(Path.of("/tmp/bulwark-zip-slip-" + ProcessHandle.current().pid())).doesNotExist();
    assertThat(Path.of("/etc/bulwark-abs-" + ProcessHandle.current().pid())).doesNotExist();
    assertThat(dir.resolve("deep")).isDirectoryContaining(p -> p.getFileName().toString().equals("t"));
    try (var s = Files.list(dir.resolve("deep"))) {
      assertThat(s.count()).isEqualTo(1);
    }
    // the content is still scanned, under the path without the escape
    assertThat(recorder.seen).contains("evil.zip!ok.txt", "evil.zip!tmp/bulwark-zip-slip-" + ProcessHandle.current().pid());
  }

  @Test
  void zipBombStopsAtTheRatioLimit() throws Exception {
    Path t = dir.resolve("t");
    Files.createDirectories(t);
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(t.resolve("bomb.zip")))) {
      z.setLevel(Deflater.BEST_COMPRESSION);
      z.putNextEntry(new ZipEntry("zeros.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    ScanReport r = scan(t);
    assertThat(rules(r)).containsExactly("sbom/archive-bomb");
    assertThat(recorder.seen).doesNotContain("bomb.zip!zeros.bin");
  }

  @Test
  void tarBombIsCaughtFromDeclaredSizes() throws Exception {
    Path t = dir.resolve("t");
    Files.createDirectories(t);
    byte[] big = new byte[48 << 20];
    tarGz(t.resolve("bomb.tgz"), Map.of("big.bin", big));
    ScanReport r = scan(t);
    assertThat(rules(r)).containsExactly("sbom/archive-bomb");
  }

  @Test
  void entryCountAndDepthAreBounded() throws Exception {
    Path t = dir.resolve("t");
    Files.createDirectories(t);
    java.util.Map<String, String> many = new java.util.TreeMap<>();
    for (int i = 0; i < 50; i++) {
      many.put("f" + i, "x");
    }
    zip(t.resolve("many.zip"), many);
    byte[] nested = zipBytes(Map.of("leaf.txt", "x".getBytes(StandardCharsets.UTF_8)));
    for (int i = 0; i < 6; i++) {
      nested = zipBytes(Map.of("level" + i + ".zip", nested));
    }
    Files.write(t.resolve("deep.zip"), nested);
    Limits limits = new Limits(Limits.DEFAULT.maxFileBytes(), 4, 20, Limits.DEFAULT.maxExtractedBytes(), 200, 10_000);
    ScanReport r = scan(t, limits);
    assertThat(rules(r)).contains("sbom/archive-entry-limit", "sbom/archive-too-deep");
    assertThat(recorder.seen.stream().filter(p -> p.startsWith("many.zip!"))).hasSize(20);
  }

  @Test
  void corruptArchiveIsAFindingNotACrash() throws Exception {
    Path t = dir.resolve("t");
    Files.createDirectories(t);
    Files.write(t.resolve("broken.zip"), new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8});
    Files.write(t.resolve("cut.tar.gz"), new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0});
    ScanReport r = scan(t);
    assertThat(rules(r)).containsExactly("sbom/unreadable-file", "sbom/unreadable-file");
  }

  @Test
  void symlinksNeverLeaveTheTargetAndLoopsEnd() throws Exception {
    Path t = dir.resolve("t");
    write(t.resolve("real.txt"), "x");
    try {
      Files.createSymbolicLink(t.resolve("passwd"), Path.of("/etc/passwd"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here");
    }
    Files.createSymbolicLink(t.resolve("alias.txt"), t.resolve("real.txt"));
    Files.createSymbolicLink(t.resolve("loop-a"), t.resolve("loop-b"));
    Files.createSymbolicLink(t.resolve("loop-b"), t.resolve("loop-a"));
    Files.createSymbolicLink(t.resolve("self-dir"), t);
    ScanReport r = scan(t);
    assertThat(recorder.seen).containsExactlyInAnyOrder("real.txt", "alias.txt");
    assertThat(rules(r)).contains("sbom/symlink-outside-target", "sbom/symlink-loop");
  }

  @Test
  void singleFileTarget() throws Exception {
    Path f = dir.resolve("secret.txt");
    Files.writeString(f, "x");
    ScanReport r = scan(f);
    assertThat(recorder.seen).containsExactly("secret.txt");
    assertThat(r.target().type().id()).isEqualTo("file");
    assertThat(r.verdict().result()).isEqualTo(Verdict.Result.FAIL);
  }

  /** A cataloger of inventory documents: reads "bom.json" into one component. */
  static final class DocumentCataloger implements dev.bulwark.spi.Cataloger {
    @Override public String id() { return "test/document"; }
    @Override public boolean claims(dev.bulwark.spi.ScanFile file) { return file.name().equals("bom.json"); }
    @Override public List<dev.bulwark.model.Component> catalog(dev.bulwark.spi.ScanFile file, dev.bulwark.spi.ScanContext c) {
      return List.of(dev.bulwark.model.Component.builder(dev.bulwark.model.ComponentType.LIBRARY, "x").version("1").build());
    }
    @Override public boolean readsInventoryDocuments() { return true; }
  }

  @Test
  void aSingleInventoryDocumentMakesTheTargetAnSbom() throws Exception {
    Path bom = dir.resolve("bom.json");
    Files.writeString(bom, "{}");
    Path other = dir.resolve("notes.txt");
    Files.writeString(other, "x");
    ScanEngine engine = new ScanEngine(Plugins.of(List.of(new DocumentCataloger()), List.of()), ScanOptions.defaults());
    assertThat(engine.scan(bom, Progress.NONE).target().type()).isEqualTo(dev.bulwark.model.Target.Type.SBOM);
    assertThat(engine.scan(other, Progress.NONE).target().type()).isEqualTo(dev.bulwark.model.Target.Type.FILE);
    assertThat(engine.scan(dir, Progress.NONE).target().type()).isEqualTo(dev.bulwark.model.Target.Type.DIRECTORY);
  }

  /** Reads ".csv" files and finds them broken, as a dataset cataloger and a PII analyzer both would. */
  static final class BrokenCsv implements dev.bulwark.spi.FileAnalyzer {
    private final String id;
    BrokenCsv(String id) { this.id = id; }
    @Override public String id() { return id; }
    @Override public dev.bulwark.model.Scanner scanner() { return dev.bulwark.model.Scanner.PII; }
    @Override public boolean accepts(dev.bulwark.spi.ScanFile file) { return file.name().endsWith(".csv"); }
    @Override public List<Finding> analyze(dev.bulwark.spi.ScanFile file, dev.bulwark.spi.ScanContext c)
        throws IOException {
      throw new dev.bulwark.spi.UnreadableInputException(file.path(), "unterminated quoted field");
    }
  }

  @Test
  void oneFileProblemMetByTwoAnalyzersIsOneFinding() throws Exception {
    Files.writeString(dir.resolve("bad.csv"), "a\n\"x\n");
    ScanReport r = new ScanEngine(Plugins.of(List.of(), List.of(new BrokenCsv("pii/datasets"), new BrokenCsv("sbom/datasets"))),
        ScanOptions.defaults()).scan(dir, Progress.NONE);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("unreadable-file");
      assertThat(f.description()).isEqualTo("bad.csv: unterminated quoted field (pii/datasets, sbom/datasets)");
      assertThat(f.evidence()).containsEntry("detail", "unterminated quoted field")
          .containsEntry("analyzers", "pii/datasets, sbom/datasets");
    });
  }

  @Test
  void failOnNoneNeverFails() throws Exception {
    Path f = dir.resolve("secret.txt");
    Files.writeString(f, "x");
    ScanOptions options = new ScanOptions(2, Limits.DEFAULT, Map.of(), true, false, false, null,
        dir.resolve("cache"), ScanOptions.defaults().clock());
    ScanReport r = new ScanEngine(Plugins.of(List.of(), List.of(recorder)), options).scan(f, Progress.NONE);
    assertThat(r.verdict().result()).isEqualTo(Verdict.Result.WARN);
    assertThat(Severity.HIGH.atLeast(Severity.CRITICAL)).isFalse();
  }

  static void zip(Path file, Map<String, String> entries) throws IOException {
    java.util.Map<String, byte[]> bytes = new java.util.TreeMap<>();
    entries.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    Files.write(file, zipBytes(bytes));
  }

  static byte[] zipBytes(Map<String, byte[]> entries) throws IOException {
    java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bos)) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return bos.toByteArray();
  }

  static void tarGz(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        GzipCompressorOutputStream gz = new GzipCompressorOutputStream(os);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        TarArchiveEntry te = new TarArchiveEntry(e.getKey());
        te.setSize(e.getValue().length);
        tar.putArchiveEntry(te);
        tar.write(e.getValue());
        tar.closeArchiveEntry();
      }
    }
  }
}
