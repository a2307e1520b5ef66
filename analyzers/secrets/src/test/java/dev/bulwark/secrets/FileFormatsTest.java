package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Finding;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFormatsTest {

  /** A checksum-valid (fake) GitHub token, computed like the fixture generator does. */
  static String githubToken(String random30) {
    return "ghp_" + random30 + dev.bulwark.secrets.detect.Validators.base62Crc32(random30);
  }

  static final String TOKEN = githubToken("Zk3qP9vL2mR8sT4wX7yB1nC5dF6gH0");
  static final String OTHER = githubToken("Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz9");

  @TempDir
  Path dir;

  private List<Finding> scan(String name, byte[] content) throws IOException {
    return scan(name, content, Map.of());
  }

  private List<Finding> scan(String name, byte[] content, Map<String, String> settings) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, content);
    ScanFile file = Fixtures.file(f);
    SecretFileAnalyzer analyzer = new SecretFileAnalyzer();
    if (!analyzer.accepts(file)) {
      return List.of();
    }
    return analyzer.analyze(file, Fixtures.context(dir, settings));
  }

  @Test
  void notebookCellSourcesAndOutputsCarryTheCellIndex() throws IOException {
    String nb = """
        {
         "cells": [
          {"cell_type": "markdown", "metadata": {}, "source": ["# Setup\\n", "Nothing here\\n"]},
          {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
           "source": ["import os\\n", "token = \\"%s\\"\\n"]},
          {"cell_type": "code", "execution_count": 2, "metadata": {},
           "outputs": [{"name": "stdout", "output_type": "stream", "text": ["env dump\\n", "GH=%s\\n"]},
                       {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo=", "text/plain": ["ok"]}}],
           "source": ["print(os.environ)\\n"]}
         ],
         "metadata": {}, "nbformat": 4, "nbformat_minor": 5
        }
        """.formatted(TOKEN, OTHER);
    List<Finding> findings = scan("train.ipynb", nb.getBytes(StandardCharsets.UTF_8));
    assertThat(findings).hasSize(2);
    Finding source = findings.stream().filter(f -> f.evidence().get("notebook.part").equals("source")).findFirst().orElseThrow();
    assertThat(source.rule()).isEqualTo("secret/github-pat-classic");
    assertThat(source.evidence()).containsEntry("notebook.cell", "1").containsEntry("notebook.cellLine", "2");
    assertThat(source.location().line()).isEqualTo(5);
    Finding output = findings.stream().filter(f -> f.evidence().get("notebook.part").equals("output[0]")).findFirst().orElseThrow();
    assertThat(output.evidence()).containsEntry("notebook.cell", "2");
    assertThat(output.location().line()).isEqualTo(7);
  }

  @Test
  void brokenNotebookIsScannedAsText() throws IOException {
    String nb = "{\n \"cells\": [\n<<<<<<< HEAD\n \"source\": [\"t = '" + TOKEN + "'\"]\n";
    List<Finding> findings = scan("broken.ipynb", nb.getBytes(StandardCharsets.UTF_8));
    assertThat(findings).extracting(Finding::rule).containsExactly("secret/github-pat-classic");
    assertThat(findings.get(0).location().line()).isEqualTo(4);
  }

  @Test
  void contentAfterTheNotebookObjectIsScannedToo() throws IOException {
    String nb = "{\"cells\": [], \"nbformat\": 4}\nGITHUB_TOKEN = '" + TOKEN + "'\n";
    List<Finding> findings = scan("trailing.ipynb", nb.getBytes(StandardCharsets.UTF_8));
    assertThat(findings).extracting(f -> f.location().line()).containsExactly(2);
  }

  @Test
  void utf16WithAndWithoutBomAndUtf8Bom() throws IOException {
    String text = "first line\nGITHUB_TOKEN=" + TOKEN + "\n";
    for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] body = text.getBytes(cs);
      byte[] bom = cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
      byte[] withBom = new byte[bom.length + body.length];
      System.arraycopy(bom, 0, withBom, 0, bom.length);
      System.arraycopy(body, 0, withBom, bom.length, body.length);
      assertThat(scan("bom-" + cs.name() + ".env", withBom)).extracting(f -> f.location().line()).containsExactly(2);
      assertThat(scan("nobom-" + cs.name() + ".env", body)).extracting(f -> f.location().line()).containsExactly(2);
    }
    byte[] utf8 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
    assertThat(scan("utf8bom.env", utf8)).hasSize(1);
  }

  @Test
  void binaryFilesAreSkippedByContent() throws IOException {
    byte[] bin = new byte[4096];
    for (int i = 0; i < bin.length; i++) {
      bin[i] = (byte) (i * 31 % 256);
    }
    byte[] token = TOKEN.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(token, 0, bin, 1000, token.length);
    assertThat(scan("blob.txt", bin)).isEmpty();
  }

  @Test
  void dockerfileEnvArgAndDotEnv() throws IOException {
    String docker = "FROM alpine\nENV API_TOKEN " + "Xy7" + "Rk2mQ9vP4sLw8Tn3Bz6Hd1Fg5" + "\nARG DB_PASSWORD=Qm4!xT9pLr2v\nENV PATH=/usr/bin\n";
    assertThat(scan("Dockerfile", docker.getBytes(StandardCharsets.UTF_8))).extracting(Finding::rule)
        .containsExactlyInAnyOrder("secret/generic-token", "secret/generic-password");
    String env = "# comment\nexport STRIPE=sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc9rT2bNmQ" + "\nEMPTY=\nREF=${OTHER}\n";
    assertThat(scan(".env", env.getBytes(StandardCharsets.UTF_8))).extracting(Finding::rule)
        .containsExactly("secret/stripe-live-secret-key");
  }

  @Test
  void inlineAllowOnTheLineOrTheLineAboveSuppresses() throws IOException {
    String src = "a = '" + TOKEN + "'  # bulwark:allow secret/github-pat-classic\n"
        + "# bulwark:allow github-pat-classic\n"
        + "b = '" + OTHER + "'\n"
        + "# bulwark:allow secret/slack-bot-token\n"
        + "c = '" + githubToken("Mn0Bv9Cx8Za7Sd6Fg5Hj4Kl3Qw2Er1") + "'\n";
    List<Finding> findings = scan("allow.py", src.getBytes(StandardCharsets.UTF_8));
    assertThat(findings).hasSize(3);
    assertThat(findings.stream().filter(Finding::isSuppressed).map(f -> f.location().line())).containsExactly(1, 3);
    assertThat(findings.stream().filter(Finding::isSuppressed).map(f -> f.suppression().kind())).containsOnly("inline");
    assertThat(findings.stream().filter(f -> !f.isSuppressed()).map(f -> f.location().line())).containsExactly(5);
  }

  @Test
  void sameSecretTwiceIsOneFindingWithOccurrences() throws IOException {
    String src = "a = '" + TOKEN + "'\nb = '" + TOKEN + "'\n";
    List<Finding> findings = scan("twice.py", src.getBytes(StandardCharsets.UTF_8));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).evidence()).containsEntry("occurrences", "2");
    assertThat(findings.get(0).location().line()).isEqualTo(1);
  }

  @Test
  void fingerprintIsStableWhenTheSecretMoves() throws IOException {
    String a = scan("moved.py", ("x = '" + TOKEN + "'\n").getBytes(StandardCharsets.UTF_8)).get(0).id();
    String b = scan("moved.py", ("\n\n\n    x = '" + TOKEN + "'\n").getBytes(StandardCharsets.UTF_8)).get(0).id();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void oversizedFileGetsAnInfoFindingAndIsNotRead() throws IOException {
    List<Finding> findings = scan("big.txt", ("t=" + TOKEN + "\n").repeat(100).getBytes(StandardCharsets.UTF_8),
        Map.of("secrets.maxFileBytes", "1000"));
    assertThat(findings).extracting(Finding::rule).containsExactly("secret/scan-skipped");
    assertThat(findings.get(0).severity()).isEqualTo(dev.bulwark.model.Severity.INFO);
  }

  @Test
  void findingsPerFileAreCapped() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      b.append("k").append(i).append(" = '").append(githubToken(String.format("Ab%02dCdEfGhIjKlMnOpQrStUvWxYz12", i))).append("'\n");
    }
    List<Finding> findings = scan("many.py", b.toString().getBytes(StandardCharsets.UTF_8),
        Map.of("secrets.maxFindingsPerFile", "5"));
    assertThat(findings).hasSize(6);
    assertThat(findings.get(5).rule()).isEqualTo("secret/scan-truncated");
  }
}
