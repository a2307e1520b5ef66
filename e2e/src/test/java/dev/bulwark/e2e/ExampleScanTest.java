package dev.bulwark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start, end to end: {@code bulwark scan examples/vulnerable-ai-app} with every output format,
 * on a vulnerability database imported from {@code examples/osv-seed} (real OSV advisories).
 * Set {@code -Dbulwark.updateGoldens=true} to rewrite the golden files after a deliberate change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleScanTest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final List<String> FORMATS = List.of("json", "sarif", "cyclonedx-json", "cyclonedx-xml", "spdx-json",
      "junit", "html");

  @TempDir static Path dir;
  private Cli.Result result;

  @BeforeAll
  void scanTheExample() throws IOException {
    Path db = dir.resolve("osv.db");
    Path seed = Cli.repo().resolve("examples/osv-seed");
    Cli.Result imported = Cli.run("db", "import", seed.toString(), "--db", db.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    List<String> args = new ArrayList<>(List.of("scan", Cli.example().toString(), "--offline", "-q", "--db", db.toString(),
        // Maven dependencies resolve from an empty local repository: the golden must not depend on ~/.m2
        "--set", "sbom.maven.repoLocal=" + dir.resolve("empty-maven-repository")));
    for (String f : FORMATS) {
      args.add("-o");
      args.add(f + "=" + dir.resolve("report." + f));
    }
    result = Cli.run(args.toArray(String[]::new));
  }

  private String output(String format) throws IOException {
    return Files.readString(dir.resolve("report." + format));
  }

  @Test
  void theGateFailsAndNoAnalyzerFails() throws IOException {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    JsonNode report = JSON.readTree(output("json"));
    for (JsonNode o : report.path("outcomes")) {
      assertThat(o.path("status").asText()).as(o.toString()).isNotEqualTo("failed");
    }
    assertThat(report.path("verdict").path("result").asText()).isEqualTo("fail");
  }

  @Test
  void everyScannerFindsItsPart() throws IOException {
    JsonNode report = JSON.readTree(output("json"));
    Set<String> rules = new TreeSet<>();
    report.path("findings").forEach(f -> rules.add(f.path("scanner").asText() + ":" + f.path("rule").asText()));
    assertThat(rules).anyMatch(r -> r.startsWith("model:") && r.contains("dangerous"));
    assertThat(rules).anyMatch(r -> r.startsWith("secret:") && r.contains("aws"));
    assertThat(rules).anyMatch(r -> r.startsWith("secret:") && r.contains("github"));
    assertThat(rules).anyMatch(r -> r.startsWith("pii:") && r.contains("card"));
    assertThat(rules).anyMatch(r -> r.startsWith("iac:") && r.contains("privileged"));
    assertThat(rules).anyMatch(r -> r.startsWith("iac:") && r.contains("root"));
    assertThat(rules).anyMatch(r -> r.startsWith("iac:") && r.contains("injection"));
    Set<String> purls = new TreeSet<>();
    report.path("components").forEach(c -> purls.add(c.path("purl").asText()));
    assertThat(purls).contains("pkg:pypi/torch@1.13.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    Set<String> vulnerable = new TreeSet<>();
    report.path("findings").forEach(f -> {
      if (f.path("scanner").asText().equals("vuln")) {
        vulnerable.add(f.path("component").asText());
      }
    });
    assertThat(vulnerable).anyMatch(c -> c.contains("log4j-core@2.14.1"));
    assertThat(vulnerable).anyMatch(c -> c.contains("torch@1.13.1"));
    // the safe model stays quiet
    report.path("findings").forEach(f ->
        assertThat(f.path("location").path("path").asText()).doesNotContain("classifier.safetensors"));
  }

  @Test
  void everyRuleThatFiredHasADocPage() throws IOException {
    JsonNode report = JSON.readTree(output("json"));
    Set<String> missing = new TreeSet<>();
    for (JsonNode f : report.path("findings")) {
      String scanner = f.path("scanner").asText();
      String rule = f.path("rule").asText();
      if (scanner.equals("vuln")) {
        continue; // advisories link to osv.dev
      }
      String qualified = rule.startsWith(scanner + "/") ? rule : scanner + "/" + rule;
      if (!Files.isRegularFile(Cli.repo().resolve("docs/rules/" + qualified + ".md"))) {
        missing.add(qualified);
      }
    }
    assertThat(missing).as("rules without docs/rules/<scanner>/<rule>.md").isEmpty();
  }

  @Test
  void cycloneDxValidatesAgainstTheSchema() throws Exception {
    assertThat(new JsonParser().validate(output("cyclonedx-json").getBytes(StandardCharsets.UTF_8), Version.VERSION_16)).isEmpty();
    assertThat(new XmlParser().validate(output("cyclonedx-xml").getBytes(StandardCharsets.UTF_8), Version.VERSION_16)).isEmpty();
  }

  @Test
  void sarifAndSpdxValidateAgainstTheirSchemas() throws IOException {
    assertThat(schemaErrors("sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4, output("sarif"))).isEmpty();
    assertThat(schemaErrors("spdx-schema-2.3.json", SpecificationVersion.DRAFT_2019_09, output("spdx-json"))).isEmpty();
  }

  @Test
  void noOutputContainsAPlantedSecretInFull() throws IOException {
    List<String> secrets = Files.readAllLines(Cli.example().resolve(".env")).stream()
        .filter(l -> l.contains("=") && !l.startsWith("#"))
        .map(l -> l.substring(l.indexOf('=') + 1))
        .filter(v -> v.length() >= 16 && !v.startsWith("models/"))
        .toList();
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(5);
    for (String f : FORMATS) {
      String text = output(f);
      for (String s : secrets) {
        String password = s.startsWith("postgres://") ? s.substring(s.indexOf(':', 11) + 1, s.indexOf('@')) : s;
        assertThat(text).as(f + " must not contain " + password.substring(0, 4) + "…").doesNotContain(password);
      }
    }
  }

  @Test
  void jsonMatchesTheGoldenFile() throws IOException {
    compareWithGolden(normaliseJson(JSON.readTree(output("json"))), "example.json");
  }

  @Test
  void sarifMatchesTheGoldenFile() throws IOException {
    compareWithGolden(normaliseSarif(JSON.readTree(output("sarif"))), "example.sarif");
  }

  private void compareWithGolden(JsonNode actual, String name) throws IOException {
    String text = JSON.writeValueAsString(actual).replace(Cli.repo().toString(), "<repo>") + "\n";
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("bulwark.updateGoldens")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, text);
    }
    assertThat(golden).as("golden file; create it with -Dbulwark.updateGoldens=true").exists();
    assertThat(text).isEqualTo(Files.readString(golden));
  }

  /** Times, durations, the version and absolute paths change between runs; nothing else may. */
  static JsonNode normaliseJson(JsonNode report) {
    ObjectNode r = (ObjectNode) report.deepCopy();
    r.put("startedAt", "<time>");
    r.put("durationMs", 0);
    ((ObjectNode) r.path("tool")).put("version", "<version>");
    ((ObjectNode) r.path("target")).put("path", "<target>");
    for (JsonNode o : r.path("outcomes")) {
      ((ObjectNode) o).put("durationMs", 0);
    }
    return r;
  }

  static JsonNode normaliseSarif(JsonNode sarif) {
    ObjectNode s = (ObjectNode) sarif.deepCopy();
    for (JsonNode run : s.path("runs")) {
      ((ObjectNode) run.path("tool").path("driver")).put("version", "<version>");
      ((ObjectNode) run.path("tool").path("driver")).remove("semanticVersion");
      for (JsonNode inv : run.path("invocations")) {
        ObjectNode i = (ObjectNode) inv;
        for (String k : List.of("startTimeUtc", "endTimeUtc", "commandLine", "workingDirectory")) {
          if (i.has(k)) {
            i.put(k, "<normalised>");
          }
        }
      }
      JsonNode bases = run.path("originalUriBaseIds");
      if (bases instanceof ObjectNode o) {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getValue() instanceof ObjectNode uri && uri.has("uri")) {
            uri.put("uri", "<target>");
          }
        }
      }
    }
    return s;
  }

  private static List<String> schemaErrors(String schemaFile, SpecificationVersion dialect, String json) throws IOException {
    Path schemas = Cli.repo().resolve("bulwark-report/src/test/resources/schemas");
    try (InputStream in = Files.newInputStream(schemas.resolve(schemaFile))) {
      return SchemaRegistry.withDefaultDialect(dialect).getSchema(in).validate(json, InputFormat.JSON).stream()
          .map(Error::toString).collect(Collectors.toList());
    }
  }

}
