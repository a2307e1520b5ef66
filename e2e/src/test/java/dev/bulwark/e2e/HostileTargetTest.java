package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hostile archive through the whole CLI: reported, never a crash, an escape or an analyzer failure. */
class HostileTargetTest {
  @TempDir Path dir;

  @Test
  void hostileArchiveIsReportedAndNothingEscapes() throws Exception {
    String marker = "bulwark-e2e-escape-" + ProcessHandle.current().pid();
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(inner)) {
      z.setLevel(Deflater.BEST_COMPRESSION);
      z.putNextEntry(new ZipEntry("zeros.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 40; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    Path evil = dir.resolve("upload/evil.zip");
    Files.createDirectories(evil.getParent());
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
      put(z, "../../../../../../../../../../tmp/" + marker, "owned".getBytes(StandardCharsets.UTF_8));
      put(z, "bomb.zip", inner.toByteArray());
      put(z, "requirements.txt", "flask==2.0.1\n".getBytes(StandardCharsets.UTF_8));
      put(z, "garbage.jar", new byte[] {0x50, 0x4B, 0x03, 0x04, 9, 9, 9});
    }
    Path json = dir.resolve("report.json");
    Cli.Result r = Cli.run("scan", evil.toString(), "--offline", "-q", "--db", dir.resolve("none.db").toString(),
        "-o", "json=" + json);

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(Path.of("/tmp", marker)).doesNotExist();
    try (var s = Files.list(dir.resolve("upload"))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("evil.zip");
    }
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    Set<String> rules = new TreeSet<>();
    report.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
    assertThat(rules).contains("archive-path-traversal", "archive-bomb", "unreadable-file");
    report.path("outcomes").forEach(o -> assertThat(o.path("status").asText()).as(o.toString()).isNotEqualTo("failed"));
    Set<String> purls = new TreeSet<>();
    report.path("components").forEach(c -> purls.add(c.path("purl").asText()));
    assertThat(purls).contains("pkg:pypi/flask@2.0.1");
  }

  private static void put(ZipOutputStream z, String name, byte[] data) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    z.write(data);
    z.closeEntry();
  }
}
