package dev.bulwark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Location;
import dev.bulwark.model.ScanReport;
import dev.bulwark.model.Target;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container images built by fixtures/images/make_images.py from real Debian files. */
class ImageScanTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/images");

  @TempDir Path dir;

  /** One component per dist-info METADATA, so the test can see layer attribution. */
  static final class MetadataCataloger implements Cataloger {
    @Override
    public String id() {
      return "test/metadata";
    }

    @Override
    public boolean claims(ScanFile file) {
      return file.name().equals("METADATA");
    }

    @Override
    public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
      String text = file.readString(1 << 20);
      String name = text.lines().filter(l -> l.startsWith("Name: ")).findFirst().orElseThrow().substring(6);
      return List.of(Component.builder(ComponentType.LIBRARY, name).location(Location.of(file.path())).build());
    }
  }

  private final RecordingAnalyzer recorder = new RecordingAnalyzer();

  private ScanReport scan(Path target) throws Exception {
    return new ScanEngine(Plugins.of(List.of(new MetadataCataloger()), List.of(recorder)),
        ScanOptions.defaults().withSettings(Map.of())).scan(target, Progress.NONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"debian-app.docker.tar", "debian-app.oci.tar"})
  void mergesLayersWithWhiteoutsOpaqueFoldersAndHardLinks(String image) throws Exception {
    ScanReport r = scan(FIXTURES.resolve(image));
    String p = image + "!";
    assertThat(r.target().type()).isEqualTo(Target.Type.IMAGE);
    assertThat(recorder.seen).contains(p + "etc/os-release", p + "var/lib/dpkg/status", p + "opt/app/new.txt",
        p + "opt/app/requirements.txt", p + "opt/app/requirements-copy.txt", p + "opt/app/notes.txt",
        p + ".image/config.json");
    assertThat(recorder.seen).doesNotContain(p + "tmp/build-secret.txt", p + "opt/app/old.txt");
    // a symbolic link is not a file of the image (commons-compress's isFile() is true for links too)
    assertThat(recorder.seen).doesNotContain(p + "opt/app/notes-link.txt");
    // a directory of a lower layer replaced by a link: its files are gone, as overlayfs shows it
    assertThat(recorder.seen).doesNotContain(p + "srv/data/old.csv");
    assertThat(recorder.seen).noneMatch(s -> s.contains(".wh."));
    assertThat(recorder.seen).noneMatch(s -> s.contains("layer.tar") || s.contains("blobs/sha256"));
    assertThat(r.findings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"debian-app.docker.tar", "debian-app.oci.tar"})
  void configFactsAndLayerDigestsReachTheReport(String image) throws Exception {
    ScanReport r = scan(FIXTURES.resolve(image));
    Map<String, String> facts = r.target().facts();
    assertThat(facts).containsEntry("image.user", "").containsEntry("image.entrypoint", "python3")
        .containsEntry("image.exposedPorts", "22/tcp,8080/tcp").containsEntry("image.envNames", "PATH,HF_HOME");
    String firstLayer = facts.get("image.layers").split(",")[0];
    assertThat(firstLayer).startsWith("sha256:");
    assertThat(r.components()).singleElement().satisfies(c ->
        assertThat(c.properties()).containsEntry("bulwark:layer", firstLayer));
  }

  @Test
  void filesReadInPlaceMatchTheLayerContent() throws Exception {
    ScanReport r = scan(FIXTURES.resolve("debian-app.docker.tar"));
    assertThat(r.findings()).isEmpty();
    // requirements-copy.txt is a hard link in layer 3 to a file of layer 2: same bytes
    assertThat(recorder.seen).contains("debian-app.docker.tar!opt/app/requirements-copy.txt");
  }

  @Test
  void ociLayoutFolderIsAnImageToo() throws Exception {
    Path layout = unpackOciLayout(dir.resolve("layout"));
    ScanReport r = scan(layout);
    assertThat(r.target().type()).isEqualTo(Target.Type.IMAGE);
    assertThat(recorder.seen).contains("etc/os-release", "opt/app/new.txt").doesNotContain("opt/app/old.txt", "index.json");
  }

  /**
   * A multi-platform layout as docker save of the containerd store writes it: index.json names an image
   * index whose first entry is a buildx attestation, the second an arm64 image whose blobs were never
   * pulled, and the last the image that is there.
   */
  @Test
  void multiPlatformIndexLeadsToTheImageThatIsPresent() throws Exception {
    Path layout = unpackOciLayout(dir.resolve("multi"));
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode real = json.readTree(layout.resolve("index.json").toFile()).path("manifests").path(0);
    String attestation = "{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:" + "0".repeat(64) + "\"},\"layers\":[]}";
    String attestationDigest = writeBlob(layout, attestation);
    String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
        + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + attestationDigest + "\",\"size\":1,"
        + "\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"},"
        + "\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\"}},"
        + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + "a".repeat(64) + "\",\"size\":1,"
        + "\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\"}},"
        + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + real.path("digest").asText() + "\",\"size\":1,"
        + "\"platform\":{\"os\":\"linux\",\"architecture\":\"s390x\"}}]}";
    String indexDigest = writeBlob(layout, index);
    Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
        + "\"application/vnd.oci.image.index.v1+json\",\"digest\":\"" + indexDigest + "\",\"size\":1}]}");
    ScanReport r = scan(layout);
    assertThat(r.target().type()).isEqualTo(Target.Type.IMAGE);
    assertThat(recorder.seen).contains("etc/os-release", "opt/app/new.txt").doesNotContain("opt/app/old.txt");
  }

  /** The OCI fixture unpacked into a layout folder. */
  private static Path unpackOciLayout(Path layout) throws IOException {
    try (InputStream in = Files.newInputStream(FIXTURES.resolve("debian-app.oci.tar"));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        Path out = layout.resolve(e.getName());
        Files.createDirectories(out.getParent());
        Files.copy(tar, out);
      }
    }
    return layout;
  }

  private static String writeBlob(Path layout, String content) throws Exception {
    byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    Files.write(layout.resolve("blobs/sha256/" + hex), bytes);
    return "sha256:" + hex;
  }

  @Test
  void imageInsideAFolderIsMerged() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve("images"));
    Files.copy(FIXTURES.resolve("debian-app.docker.tar"), repo.resolve("images/app.tar"));
    Files.writeString(repo.resolve("README.md"), "hi", StandardCharsets.UTF_8);
    scan(repo);
    assertThat(recorder.seen).contains("README.md", "images/app.tar", "images/app.tar!etc/os-release")
        .doesNotContain("images/app.tar!tmp/build-secret.txt");
  }
}
