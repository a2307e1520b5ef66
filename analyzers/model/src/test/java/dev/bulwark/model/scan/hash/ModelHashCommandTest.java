package dev.bulwark.model.scan.hash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelHashCommandTest {
  @TempDir
  Path tmp;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new ModelCommandPlugin().command());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void writesAnOmsStatementWithSortedResourcesAndRootDigest() throws Exception {
    Path model = Files.createDirectory(tmp.resolve("my-model"));
    Files.writeString(model.resolve("config.json"), "{}");
    Files.createDirectories(model.resolve("weights"));
    Files.write(model.resolve("weights/model-00001.safetensors"), new byte[] {1, 2, 3});
    Files.createDirectories(model.resolve(".git"));
    Files.writeString(model.resolve(".git/HEAD"), "ref");
    Files.writeString(model.resolve("model.sig"), "sig");

    Run r = run("hash", model.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
    assertThat(j.path("predicateType").asText()).isEqualTo("https://model_signing/signature/v1.0");
    assertThat(j.path("subject").get(0).path("name").asText()).isEqualTo("my-model");
    JsonNode res = j.path("predicate").path("resources");
    assertThat(res).hasSize(2);
    assertThat(res.get(0).path("name").asText()).isEqualTo("config.json");
    assertThat(res.get(1).path("name").asText()).isEqualTo("weights/model-00001.safetensors");
    assertThat(res.get(1).path("digest").asText()).isEqualTo(sha(new byte[] {1, 2, 3}));
    assertThat(res.get(1).path("algorithm").asText()).isEqualTo("sha256");
    MessageDigest root = MessageDigest.getInstance("SHA-256");
    root.update(HexFormat.of().parseHex(sha("{}".getBytes(StandardCharsets.UTF_8))));
    root.update(HexFormat.of().parseHex(sha(new byte[] {1, 2, 3})));
    assertThat(j.path("subject").get(0).path("digest").path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(root.digest()));
    assertThat(j.path("predicate").path("serialization").path("method").asText()).isEqualTo("files");
  }

  @Test
  void outputFileInsideTheFolderIsLeftOutAndWrittenWhole() throws Exception {
    Path model = Files.createDirectory(tmp.resolve("m"));
    Files.writeString(model.resolve("a.bin"), "a");
    Run r = run("hash", model.toString(), "-o", model.resolve("manifest.json").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    JsonNode j = new ObjectMapper().readTree(model.resolve("manifest.json").toFile());
    assertThat(j.path("predicate").path("resources")).hasSize(1);
    try (var s = Files.list(model)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.bin", "manifest.json");
    }
  }

  @Test
  void missingFolderAndSymlinksAreUsageErrorsNamingThePath() throws Exception {
    Run missing = run("hash", tmp.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope").contains("not a directory");

    Path model = Files.createDirectory(tmp.resolve("links"));
    Files.writeString(tmp.resolve("outside.bin"), "x");
    Files.createSymbolicLink(model.resolve("weights.bin"), tmp.resolve("outside.bin"));
    Run link = run("hash", model.toString());
    assertThat(link.code()).isEqualTo(2);
    assertThat(link.err()).contains("weights.bin").contains("symbolic link");
    assertThat(link.out()).isEmpty();
    assertThat(run("hash", "--allow-symlinks", model.toString()).code()).isZero();
  }
}
