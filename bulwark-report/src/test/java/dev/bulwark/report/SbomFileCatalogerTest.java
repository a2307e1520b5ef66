package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Component;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomFileCatalogerTest {
  private final SbomFileCataloger cataloger = new SbomFileCataloger();

  @TempDir
  Path tmp;

  private List<Component> read(Path file) throws Exception {
    return read(file, Map.of());
  }

  private List<Component> read(Path file, Map<String, String> settings) throws Exception {
    ScanFile f = Fixtures.file(file);
    assertThat(cataloger.claims(f)).as("claims " + file).isTrue();
    ScanContext ctx = Fixtures.context(file.getParent(), settings);
    return cataloger.catalog(f, ctx);
  }

  private Path write(String name, String content) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** name@version of every package the real lockfile holds: the ground truth both SBOMs must match. */
  private static Set<String> lockfilePackages() throws Exception {
    JsonNode lock = new ObjectMapper().readTree(Fixtures.path("sbom-file/npm-cli/package-lock.json").toFile());
    Set<String> out = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = lock.get("packages").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().isEmpty()) {
        String name = e.getKey().substring(e.getKey().lastIndexOf("node_modules/") + "node_modules/".length());
        out.add(name + "@" + e.getValue().get("version").asText());
      }
    }
    return out;
  }

  private static Map<String, Component> byName(List<Component> cs) {
    Map<String, Component> m = new HashMap<>();
    cs.forEach(c -> m.put(c.name(), c));
    return m;
  }

  @Test
  void isRegistered() {
    assertThat(ServiceLoader.load(Cataloger.class).stream().map(p -> p.get().id())).contains("sbom/sbom-file");
  }

  @Test
  void readsNpmsCycloneDx() throws Exception {
    List<Component> cs = read(Fixtures.path("sbom-file/npm-cli/npm.cdx.json"));
    Set<String> names = cs.stream().filter(c -> !c.firstParty()).map(c -> c.name() + "@" + c.version())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(names).isEqualTo(lockfilePackages());
    // the described package has a purl, so it is kept, as first-party
    assertThat(cs.stream().filter(Component::firstParty).map(Component::purl)).containsExactly("pkg:npm/sbom-fixture-app@1.0.0");
    Map<String, Component> m = byName(cs);
    Component lodash = m.get("lodash");
    assertThat(lodash.purl()).isEqualTo("pkg:npm/lodash@4.17.15");
    assertThat(lodash.ref()).isEqualTo(lodash.purl());
    assertThat(lodash.ecosystem()).isEqualTo("npm");
    assertThat(lodash.licenses()).containsExactly("MIT");
    assertThat(lodash.hashes()).containsKey("sha512");
    assertThat(lodash.scope()).isEqualTo(DependencyScope.DIRECT);
    assertThat(lodash.locations()).extracting(l -> l.path()).containsExactly("npm.cdx.json");
    assertThat(m.get("accepts").scope()).isEqualTo(DependencyScope.TRANSITIVE);
    assertThat(m.get("left-pad").kind()).isEqualTo(DependencyKind.OPTIONAL);
    assertThat(m.get("express").dependsOn()).contains("pkg:npm/body-parser@1.19.0", "pkg:npm/accepts@1.3.8");
    assertThat(m.get("@types/node").purl()).isEqualTo("pkg:npm/%40types/node@18.0.0");
  }

  @Test
  void xmlAndJsonOfTheSameBomGiveTheSameComponents() throws Exception {
    // npm's real CycloneDX 1.5 JSON, re-serialised as 1.5 XML by cyclonedx-core-java itself
    Path json = Fixtures.path("sbom-file/npm-cli/npm.cdx.json");
    org.cyclonedx.model.Bom bom = new org.cyclonedx.parsers.JsonParser().parse(json.toFile());
    String xml = org.cyclonedx.generators.BomGeneratorFactory.createXml(org.cyclonedx.Version.VERSION_15, bom).toXmlString();
    Path xmlFile = write("npm.cdx.xml", xml);
    List<Component> fromJson = read(json);
    List<Component> fromXml = read(xmlFile);
    assertThat(fromXml).hasSize(fromJson.size());
    Map<String, Component> x = new HashMap<>();
    fromXml.forEach(c -> x.put(c.ref(), c));
    for (Component j : fromJson) {
      Component c = x.get(j.ref());
      assertThat(c).as(j.ref()).isNotNull();
      assertThat(List.of(c.name(), String.valueOf(c.version()), String.valueOf(c.purl()), c.scope(), c.kind(), c.licenses(),
          c.hashes(), c.dependsOn(), c.firstParty()))
          .isEqualTo(List.of(j.name(), String.valueOf(j.version()), String.valueOf(j.purl()), j.scope(), j.kind(), j.licenses(),
              j.hashes(), j.dependsOn(), j.firstParty()));
    }
  }

  @Test
  void readsNpmsSpdx() throws Exception {
    List<Component> cs = read(Fixtures.path("sbom-file/npm-cli/npm.spdx.json"));
    Set<String> names = cs.stream().filter(c -> !c.firstParty()).map(c -> c.name() + "@" + c.version())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(names).isEqualTo(lockfilePackages());
    // the described package has a purl, so it is kept, as first-party
    assertThat(cs.stream().filter(Component::firstParty).map(Component::purl)).containsExactly("pkg:npm/sbom-fixture-app@1.0.0");
    Map<String, Component> m = byName(cs);
    assertThat(m.get("lodash").licenses()).containsExactly("MIT");
    assertThat(m.get("lodash").hashes()).containsKey("sha512");
    assertThat(m.get("lodash").scope()).isEqualTo(DependencyScope.DIRECT);
    assertThat(m.get("accepts").scope()).isEqualTo(DependencyScope.TRANSITIVE);
    assertThat(m.get("left-pad").kind()).isEqualTo(DependencyKind.DEVELOPMENT);
    assertThat(m.get("express").dependsOn()).contains("pkg:npm/body-parser@1.19.0");
  }

  @Test
  void roundTripsCycloneDxJsonXmlAndSpdx() throws Exception {
    var report = SampleReports.aiApp();
    for (var writer : List.of(new CycloneDxJsonReportWriter(), new CycloneDxXmlReportWriter(), new SpdxJsonReportWriter())) {
      Path file = write("bom-" + writer.format(), Goldens.render(writer, report));
      List<Component> back = read(file);
      assertThat(back).as(writer.format()).hasSize(report.components().size());
      Map<String, Component> byRef = new HashMap<>();
      back.forEach(c -> byRef.put(c.ref(), c));
      for (Component original : report.components()) {
        Component c = byRef.get(original.ref());
        assertThat(c).as(writer.format() + " " + original.ref()).isNotNull();
        assertThat(c.type()).isEqualTo(original.type());
        assertThat(c.name()).isEqualTo(original.name());
        assertThat(c.group()).isEqualTo(original.group());
        assertThat(c.version()).isEqualTo(original.version());
        assertThat(c.purl()).isEqualTo(original.purl());
        assertThat(c.scope()).as(writer.format() + " scope of " + original.ref()).isEqualTo(original.scope());
        assertThat(c.kind()).isEqualTo(original.kind());
        if (writer.format().equals("spdx-json")) {
          // SPDX groups expressions with parentheses; the reader drops the pair it cannot tell from the writer's
          assertThat(c.licenses().stream().map(l -> l.replaceAll("^\\((.*)\\)$", "$1")).toList())
              .isEqualTo(original.licenses().stream().map(l -> l.replaceAll("^\\((.*)\\)$", "$1")).toList());
        } else {
          assertThat(c.licenses()).isEqualTo(original.licenses());
        }
        assertThat(c.hashes()).isEqualTo(normalised(original.hashes()));
        assertThat(c.dependsOn()).isEqualTo(original.dependsOn());
        if (!writer.format().equals("spdx-json")) {
          assertThat(c.ecosystem()).isEqualTo(original.ecosystem());
          assertThat(c.firstParty()).isEqualTo(original.firstParty());
          assertThat(c.properties()).isEqualTo(original.properties());
        }
      }
    }
  }

  private static Map<String, String> normalised(Map<String, String> hashes) {
    Map<String, String> out = new HashMap<>();
    hashes.forEach((k, v) -> HashAlgorithm.parse(k).ifPresent(a -> a.hex(v).ifPresent(h -> out.put(a.key(), h))));
    return out;
  }

  @Test
  void claimsByContentNotName() throws Exception {
    assertThat(cataloger.claims(Fixtures.file(write("anything.txt", "{\n  \"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\"}"))))
        .isTrue();
    assertThat(cataloger.claims(Fixtures.file(write("bom.cdx.json", "{\"name\": \"not a bom\"}")))).isFalse();
    assertThat(cataloger.claims(Fixtures.file(write("package.json", "{\"name\": \"x\", \"version\": \"1\"}")))).isFalse();
    assertThat(cataloger.claims(Fixtures.file(write("x.xml", "<?xml version=\"1.0\"?><project/>")))).isFalse();
    // the formats' JSON Schemas name the fields without being SBOMs (seen in ../shared/data/schemas)
    assertThat(cataloger.claims(Fixtures.file(write("bom-1.6.schema.json", """
        {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
         "properties": {"bomFormat": {"type": "string", "enum": ["CycloneDX"]}, "specVersion": {"type": "string"}}}
        """)))).isFalse();
    assertThat(cataloger.claims(Fixtures.file(java.nio.file.Path.of("src/test/resources/schemas/spdx-schema-2.3.json"))))
        .isFalse();
    assertThat(cataloger.claims(Fixtures.file(write("spaced.json", "{ \"spdxVersion\" :\n  \"SPDX-2.3\" }")))).isTrue();
    assertThat(cataloger.claims(Fixtures.file(write("b.xml",
        "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\" version=\"1\"/>")))).isTrue();
  }

  @Test
  void readsOlderCycloneDxXmlWithNestedComponents() throws Exception {
    Path p = write("legacy.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <bom xmlns="http://cyclonedx.org/schema/bom/1.2" version="1">
          <metadata><tools><tool><vendor>Acme</vendor><name>scanner</name></tool></tools>
            <component type="application" bom-ref="app"><name>shop</name></component></metadata>
          <components>
            <component type="framework" bom-ref="spring">
              <group>org.springframework</group><name>spring-core</name><version>5.3.17</version>
              <licenses><license><id>Apache-2.0</id></license></licenses>
              <purl>pkg:maven/org.springframework/spring-core@5.3.17</purl>
              <hashes><hash alg="SHA-1">9d6bc1a2a6b4d39a1e2bfb8ff14cb1e0fb0aef26</hash></hashes>
              <components>
                <component type="library"><name>shaded-util</name><version>1.0</version>
                  <licenses><expression>MIT OR Apache-2.0</expression></licenses></component>
              </components>
            </component>
          </components>
          <dependencies><dependency ref="app"><dependency ref="spring"/></dependency></dependencies>
        </bom>
        """);
    Map<String, Component> m = byName(read(p));
    assertThat(m).containsOnlyKeys("spring-core", "shaded-util");
    Component spring = m.get("spring-core");
    assertThat(spring.group()).isEqualTo("org.springframework");
    assertThat(spring.ecosystem()).isEqualTo("Maven");
    assertThat(spring.scope()).isEqualTo(DependencyScope.DIRECT);
    assertThat(spring.hashes()).containsEntry("sha1", "9d6bc1a2a6b4d39a1e2bfb8ff14cb1e0fb0aef26");
    assertThat(m.get("shaded-util").licenses()).containsExactly("MIT OR Apache-2.0");
    assertThat(m.get("shaded-util").ref()).isEqualTo("library:shaded-util@1.0");
  }

  @Test
  void osPackagesGetTheirReleaseEcosystem() throws Exception {
    Path p = write("os.cdx.json", """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [
          {"type": "library", "name": "libc6", "version": "2.36-9+deb12u4",
           "purl": "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12.5"},
          {"type": "library", "name": "musl", "version": "1.2.4-r2",
           "purl": "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19.1"},
          {"type": "library", "name": "openssl", "version": "3.0.2-0ubuntu1.15",
           "purl": "pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.15?distro=ubuntu-22.04"},
          {"type": "library", "name": "broken", "version": "1", "purl": "not a purl"}]}
        """);
    Map<String, Component> m = byName(read(p));
    assertThat(m.get("libc6").ecosystem()).isEqualTo("Debian:12");
    assertThat(m.get("musl").ecosystem()).isEqualTo("Alpine:v3.19");
    assertThat(m.get("openssl").ecosystem()).isEqualTo("Ubuntu:22.04");
    assertThat(m.get("broken").purl()).isNull();
    assertThat(m.get("broken").ref()).isEqualTo("library:broken@1");
  }

  @Test
  void malformedInputIsUnreadable() throws Exception {
    Path truncated = write("t.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": [{\"name\": \"a\"");
    assertThatThrownBy(() -> read(truncated)).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("t.json").hasMessageContaining("malformed CycloneDX JSON");
    Path notArray = write("n.json", "{\"bomFormat\": \"CycloneDX\", \"components\": {\"name\": \"a\"}}");
    assertThatThrownBy(() -> read(notArray)).isInstanceOf(UnreadableInputException.class).hasMessageContaining("array");
    Path spdx3 = write("s.json", "{\"spdxVersion\": \"SPDX-3.0\", \"packages\": []}");
    assertThatThrownBy(() -> read(spdx3)).isInstanceOf(UnreadableInputException.class).hasMessageContaining("SPDX-3.0");
    Path badXml = write("b.xml", "<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><components><component>");
    assertThatThrownBy(() -> read(badXml)).isInstanceOf(UnreadableInputException.class).hasMessageContaining("malformed XML");
  }

  @Test
  void entityExpansionIsRefused() throws Exception {
    Path bomb = write("bomb.xml", """
        <?xml version="1.0"?>
        <!DOCTYPE bom [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
          <!ENTITY x SYSTEM "file:///etc/passwd">]>
        <bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components>
          <component type="library"><name>&c;</name></component>
          <component type="library"><name>&x;</name></component></components></bom>
        """);
    assertThatThrownBy(() -> read(bomb)).isInstanceOf(UnreadableInputException.class);
  }

  @Test
  void boundsNestingCountAndSize() throws Exception {
    StringBuilder deep = new StringBuilder("{\"bomFormat\": \"CycloneDX\", \"components\": [");
    for (int i = 0; i < 40; i++) {
      deep.append("{\"type\": \"library\", \"name\": \"n").append(i).append("\", \"components\": [");
    }
    deep.append("]}".repeat(40)).append("]}");
    assertThatThrownBy(() -> read(write("deep.json", deep.toString()))).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("nested deeper than 32");
    StringBuilder deeper = new StringBuilder("{\"bomFormat\": \"CycloneDX\", \"components\": [");
    deeper.append("[".repeat(300)).append("]".repeat(300)).append("]}");
    assertThatThrownBy(() -> read(write("deeper.json", deeper.toString()))).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("nesting depth");
    Path npm = Fixtures.path("sbom-file/npm-cli/npm.cdx.json");
    assertThatThrownBy(() -> read(npm, Map.of("sbomFile.maxComponents", "5")))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("more than 5 components");
    assertThatThrownBy(() -> read(npm, Map.of("sbomFile.maxBytes", "1000")))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("limit of 1000");
  }
}
