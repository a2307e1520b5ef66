package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.PackageURL;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bulwark scan} on a Debian 12 image built from real .deb packages by
 * {@code fixtures/images/make_debian_image.py}, saved both as {@code docker save} and as an OCI layout. The
 * expectations come from the fixture itself, never from Bulwark's code: the committed dpkg status file and
 * SOURCE.txt, and the layers of the docker-save tarball read here with a plain tar reader (layer digests are
 * the sha256 of each layer.tar, files are merged with the whiteout rules of the OCI image spec).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebianImageScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/images");
  private static final String DOCKER = "debian-bookworm.docker.tar";
  private static final String OCI = "debian-bookworm.oci.tar";

  @TempDir static Path dir;

  private final Map<String, JsonNode> reports = new HashMap<>();
  /** The image's files after merging the layers: path -> (index of the layer it comes from, content). */
  private final Map<String, LayerFile> merged = new TreeMap<>();
  private final List<String> diffIds = new ArrayList<>();
  private List<Map<String, String>> status;
  private final Set<String> purged = new TreeSet<>();

  record LayerFile(int layer, byte[] data) {}

  @BeforeAll
  void scanBothFormatsAndReadTheFixture() throws Exception {
    for (String image : List.of(DOCKER, OCI)) {
      Path out = dir.resolve(image + ".json");
      Cli.Result r = Cli.run("scan", FIXTURES.resolve(image).toString(), "--offline", "-q", "-o", "json=" + out);
      assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
      reports.put(image, JSON.readTree(out.toFile()));
    }
    status = stanzas(Files.readString(FIXTURES.resolve("debian-bookworm.status")));
    for (String line : Files.readAllLines(FIXTURES.resolve("SOURCE.txt"))) {
      String[] f = line.split("\t");
      if (!line.startsWith("#") && f.length > 3 && f[3].contains("purged")) {
        purged.add(f[0]);
      }
    }
    readDockerSave(FIXTURES.resolve(DOCKER));
  }

  private void readDockerSave(Path tar) throws Exception {
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream t = new TarArchiveInputStream(in)) {
      TarArchiveEntry e;
      while ((e = t.getNextEntry()) != null) {
        entries.put(e.getName(), t.readAllBytes());
      }
    }
    JsonNode manifest = JSON.readTree(entries.get("manifest.json")).path(0);
    int index = 0;
    for (JsonNode layer : manifest.path("Layers")) {
      byte[] data = entries.get(layer.asText());
      diffIds.add("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
      applyLayer(index++, data);
    }
  }

  private void applyLayer(int index, byte[] layer) throws IOException {
    Map<String, LayerFile> added = new LinkedHashMap<>();
    try (TarArchiveInputStream t = new TarArchiveInputStream(new ByteArrayInputStream(layer))) {
      TarArchiveEntry e;
      while ((e = t.getNextEntry()) != null) {
        String name = e.getName();
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.startsWith(".wh.")) {
          String gone = name.substring(0, name.length() - base.length()) + base.substring(4);
          merged.keySet().removeIf(p -> p.equals(gone) || p.startsWith(gone + "/"));
        } else if (e.isSymbolicLink() || e.isDirectory()) {
          merged.remove(name); // (isFile() is true for symbolic links too)
        } else if (e.isFile()) {
          added.put(name, new LayerFile(index, t.readAllBytes()));
        }
      }
    }
    merged.putAll(added);
  }

  private static List<Map<String, String>> stanzas(String text) {
    List<Map<String, String>> out = new ArrayList<>();
    for (String block : text.split("\n\n")) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String line : block.split("\n")) {
        int colon = line.indexOf(':');
        if (!line.startsWith(" ") && colon > 0) {
          fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
      }
      if (fields.containsKey("Package")) {
        out.add(fields);
      }
    }
    return out;
  }

  private static Map<String, String> keyValues(String text, String separator) {
    Map<String, String> out = new LinkedHashMap<>();
    text.lines().filter(l -> l.contains(separator) && !l.startsWith(" ") && !l.startsWith("#")).forEach(l ->
        out.putIfAbsent(l.substring(0, l.indexOf(separator)).strip(), l.substring(l.indexOf(separator) + 1).strip()));
    return out;
  }

  private List<JsonNode> components(String image) {
    List<JsonNode> out = new ArrayList<>();
    reports.get(image).path("components").forEach(out::add);
    return out;
  }

  private List<JsonNode> ofType(String image, String purlType) {
    return components(image).stream().filter(c -> c.path("purl").asText("").startsWith("pkg:" + purlType + "/")).toList();
  }

  /** The path of a component's first location inside the image ("image.tar!usr/..." -> "usr/..."). */
  private static String pathInImage(JsonNode c) {
    String p = c.path("locations").path(0).path("path").asText();
    return p.substring(p.indexOf('!') + 1);
  }

  private String layerOf(String pathInImage) {
    LayerFile f = merged.get(pathInImage);
    assertThat(f).as("%s is a file of the image", pathInImage).isNotNull();
    return diffIds.get(f.layer());
  }

  @Test
  void theFixtureIsTwoLayersAndItsStatusFileIsTheImages() {
    assertThat(diffIds).hasSize(2);
    assertThat(new String(merged.get("var/lib/dpkg/status").data(), StandardCharsets.UTF_8))
        .isEqualTo(new String(readUnchecked("debian-bookworm.status"), StandardCharsets.UTF_8));
    assertThat(merged.get("var/lib/dpkg/status").layer()).isEqualTo(1);
    assertThat(purged).isNotEmpty();
  }

  private static byte[] readUnchecked(String name) {
    try {
      return Files.readAllBytes(FIXTURES.resolve(name));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {DOCKER, OCI})
  void everyInstalledDebianPackageIsADebPurlFromTheStatusLayer(String image) throws Exception {
    Map<String, String> osRelease = keyValues(new String(merged.get("usr/lib/os-release").data(), StandardCharsets.UTF_8), "=");
    String distro = osRelease.get("ID") + "-" + osRelease.get("VERSION_ID").replace("\"", "");
    assertThat(distro).isEqualTo("debian-12");
    Map<String, JsonNode> debs = ofType(image, "deb").stream()
        .collect(Collectors.toMap(c -> c.path("name").asText(), c -> c));
    assertThat(debs.keySet()).isEqualTo(status.stream().map(s -> s.get("Package")).collect(Collectors.toSet()));
    for (Map<String, String> s : status) {
      JsonNode c = debs.get(s.get("Package"));
      PackageURL purl = new PackageURL(c.path("purl").asText());
      assertThat(purl.getType()).isEqualTo("deb");
      assertThat(purl.getNamespace()).isEqualTo("debian");
      assertThat(purl.getName()).isEqualTo(s.get("Package"));
      assertThat(purl.getVersion()).isEqualTo(s.get("Version"));
      assertThat(c.path("version").asText()).isEqualTo(s.get("Version"));
      assertThat(purl.getQualifiers()).containsEntry("arch", s.get("Architecture")).containsEntry("distro", distro);
      String source = s.get("Source");
      if (source != null && !source.split(" ")[0].equals(s.get("Package"))) {
        assertThat(purl.getQualifiers().get("upstream")).startsWith(source.split(" ")[0]);
      }
      assertThat(pathInImage(c)).isEqualTo("var/lib/dpkg/status");
      assertThat(c.path("properties").path("bulwark:layer").asText()).isEqualTo(layerOf("var/lib/dpkg/status"));
    }
    assertThat(debs.keySet()).doesNotContainAnyElementsOf(purged);
  }

  @ParameterizedTest
  @ValueSource(strings = {DOCKER, OCI})
  void pythonDistributionsAreFoundWithTheirVersionAndLayer(String image) {
    Map<String, LayerFile> pkgInfos = new TreeMap<>(merged);
    pkgInfos.keySet().removeIf(p -> !p.matches("usr/lib/python3/dist-packages/[^/]+\\.egg-info/PKG-INFO"));
    assertThat(pkgInfos).hasSize(2);
    List<JsonNode> pypi = ofType(image, "pypi");
    for (Map.Entry<String, LayerFile> e : pkgInfos.entrySet()) {
      Map<String, String> meta = keyValues(new String(e.getValue().data(), StandardCharsets.UTF_8), ":");
      String purl = "pkg:pypi/" + meta.get("Name").toLowerCase() + "@" + meta.get("Version");
      assertThat(pypi).as(purl).anySatisfy(c -> {
        assertThat(c.path("purl").asText()).isEqualTo(purl);
        assertThat(c.path("version").asText()).isEqualTo(meta.get("Version"));
        assertThat(pathInImage(c)).isEqualTo(e.getKey());
        assertThat(c.path("properties").path("bulwark:layer").asText()).isEqualTo(diffIds.get(e.getValue().layer()));
      });
    }
    // one comes from each layer
    assertThat(pkgInfos.values().stream().map(LayerFile::layer).collect(Collectors.toSet())).containsExactlyInAnyOrder(0, 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {DOCKER, OCI})
  void theMavenJarIsFoundFromItsPomPropertiesAndTheWhitedOutJarIsNot(String image) throws IOException {
    List<JsonNode> maven = ofType(image, "maven");
    int jarsWithPom = 0;
    for (Map.Entry<String, LayerFile> e : merged.entrySet()) {
      if (!e.getKey().endsWith(".jar")) {
        continue;
      }
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(e.getValue().data()))) {
        ZipEntry z;
        while ((z = zip.getNextEntry()) != null) {
          if (z.getName().startsWith("META-INF/maven/") && z.getName().endsWith("/pom.properties")) {
            jarsWithPom++;
            Map<String, String> pom = keyValues(new String(zip.readAllBytes(), StandardCharsets.UTF_8), "=");
            String purl = "pkg:maven/" + pom.get("groupId") + "/" + pom.get("artifactId") + "@" + pom.get("version");
            assertThat(maven).as(purl).anySatisfy(c -> {
              assertThat(c.path("purl").asText()).isEqualTo(purl);
              assertThat(pathInImage(c)).startsWith(e.getKey());
              assertThat(c.path("properties").path("bulwark:layer").asText()).isEqualTo(diffIds.get(e.getValue().layer()));
            });
          }
        }
      }
    }
    assertThat(jarsWithPom).isEqualTo(1);
    // the purged package's jar was in layer 1 and is hidden by a whiteout in layer 2
    assertThat(merged.keySet()).noneMatch(p -> p.contains("jsr305"));
    assertThat(components(image)).noneMatch(c -> c.toString().toLowerCase().contains("jsr305"));
    assertThat(components(image)).allSatisfy(c -> assertThat(c.path("locations").toString()).doesNotContain(".wh."));
  }

  @ParameterizedTest
  @ValueSource(strings = {DOCKER, OCI})
  void imageConfigFactsAreTargetFacts(String image) throws IOException {
    JsonNode target = reports.get(image).path("target");
    assertThat(target.path("type").asText()).isEqualTo("image");
    JsonNode facts = target.path("facts");
    assertThat(facts.path("image.user").asText()).isEqualTo("1000:1000");
    assertThat(facts.path("image.exposedPorts").asText()).isEqualTo("8080/tcp");
    assertThat(facts.path("image.entrypoint").asText()).contains("/usr/bin/python3");
    assertThat(facts.path("image.layers").asText()).isEqualTo(String.join(",", diffIds));
    assertThat(components(image)).anySatisfy(c -> assertThat(c.path("ref").asText() + c.path("name").asText()).contains("debian"));
    assertThat(reports.get(image).path("outcomes")).allSatisfy(o -> assertThat(o.path("status").asText()).isNotEqualTo("failed"));
  }

  @Test
  void dockerSaveAndOciGiveTheSameComponents() {
    assertThat(identities(OCI)).isEqualTo(identities(DOCKER)).hasSizeGreaterThanOrEqualTo(status.size() + 3);
  }

  private Set<String> identities(String image) {
    return components(image).stream()
        .map(c -> c.path("purl").asText(c.path("ref").asText()) + " " + pathInImage(c) + " " + c.path("properties").path("bulwark:layer").asText())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
