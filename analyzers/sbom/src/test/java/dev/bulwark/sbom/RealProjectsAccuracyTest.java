package dev.bulwark.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bulwark.model.Component;
import dev.bulwark.model.Inventory;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * For each real project in {@code shared/data/projects}: the third-party components Bulwark reports for an
 * ecosystem equal what the lockfile holds, read here independently with a few lines of Jackson or plain text.
 * Skips when the shared data is absent.
 */
class RealProjectsAccuracyTest {

  private static Path project(String name) {
    Path p = Fixtures.shared().map(s -> s.resolve("data/projects").resolve(name)).orElse(null);
    assumeTrue(p != null && Files.isDirectory(p), "shared project " + name + " absent");
    return p;
  }

  /** {@code name@version} of the third-party components of one ecosystem. */
  private static Set<String> reported(Inventory inventory, String ecosystem) {
    return inventory.components().stream()
        .filter(c -> ecosystem.equals(c.ecosystem()) && !c.firstParty())
        .map(c -> c.name() + "@" + c.version())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> reportedMaven(Inventory inventory) {
    return inventory.components().stream()
        .filter(c -> "Maven".equals(c.ecosystem()) && !c.firstParty())
        .map(c -> c.group() + ":" + c.name() + "@" + c.version())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String pep503(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  private static Set<String> poetryLock(Path lock) throws IOException {
    Set<String> out = new TreeSet<>();
    for (JsonNode p : new TomlMapper().readTree(lock.toFile()).path("package")) {
      String type = p.path("source").path("type").asText("");
      if (!type.equals("directory") && !type.equals("file")) {
        out.add(pep503(p.get("name").asText()) + "@" + p.get("version").asText());
      }
    }
    return out;
  }

  @Test
  void gptEngineerPoetryLock() throws IOException {
    Path p = project("gpt-engineer-org__gpt-engineer");
    assertThat(reported(Catalog.of(p), "PyPI")).isEqualTo(poetryLock(p.resolve("poetry.lock")));
  }

  @Test
  void textEmbeddingsInferencePythonServer() throws IOException {
    Path p = project("huggingface__text-embeddings-inference");
    Path server = p.resolve("backends/python/server");
    Set<String> expected = poetryLock(server.resolve("poetry.lock"));
    for (String line : Files.readAllLines(server.resolve("requirements.txt"))) {
      int eq = line.indexOf("==");
      if (eq > 0) {
        int end = line.indexOf(' ', eq);
        expected.add(pep503(line.substring(0, eq).strip()) + "@" + line.substring(eq + 2, end < 0 ? line.length() : end).strip());
      }
    }
    assertThat(reported(Catalog.of(p), "PyPI")).isEqualTo(expected);
  }

  @Test
  void openaiAgentsUvLock() throws IOException {
    Path p = project("openai__openai-agents-python");
    Set<String> expected = new TreeSet<>();
    for (JsonNode pkg : new TomlMapper().readTree(p.resolve("uv.lock").toFile()).path("package")) {
      JsonNode source = pkg.path("source");
      if (!source.has("editable") && !source.has("virtual") && !source.has("directory") && !source.has("path")) {
        expected.add(pep503(pkg.get("name").asText()) + "@" + pkg.get("version").asText());
      }
    }
    assertThat(reported(Catalog.of(p), "PyPI")).isEqualTo(expected);
  }

  @Test
  void chatbotUiPackageLock() throws IOException {
    Path p = project("mckaywrigley__chatbot-ui");
    Set<String> expected = new TreeSet<>();
    new ObjectMapper().readTree(p.resolve("package-lock.json").toFile()).path("packages").fields().forEachRemaining(e -> {
      String key = e.getKey();
      JsonNode v = e.getValue();
      int nm = key.lastIndexOf("node_modules/");
      if (nm >= 0 && !v.path("link").asBoolean()) {
        String name = v.has("name") ? v.get("name").asText() : key.substring(nm + "node_modules/".length());
        expected.add(name + "@" + v.path("version").asText());
      }
    });
    assertThat(reported(Catalog.of(p), "npm")).isEqualTo(expected);
  }

  @Test
  void ollama4jPom() throws IOException {
    Path p = project("ollama4j__ollama4j");
    String pom = Files.readString(p.resolve("pom.xml"));
    // independent reading: every <dependency> outside plugins, versions through <properties>
    String noPlugins = pom.replaceAll("(?s)<plugins>.*?</plugins>", "");
    Set<String> expected = new TreeSet<>();
    for (String dep : noPlugins.split("<dependency>")) {
      if (!dep.contains("</dependency>")) {
        continue;
      }
      String body = dep.substring(0, dep.indexOf("</dependency>"));
      String version = tag(body, "version");
      if (version != null && version.startsWith("${")) {
        version = tag(pom, version.substring(2, version.length() - 1));
      }
      expected.add(tag(body, "groupId") + ":" + tag(body, "artifactId") + "@" + version);
    }
    assertThat(reportedMaven(Catalog.of(p))).isEqualTo(expected);
  }

  private static String tag(String xml, String name) {
    int open = xml.indexOf("<" + name + ">");
    if (open < 0) {
      return null;
    }
    int close = xml.indexOf("</" + name + ">", open);
    return xml.substring(open + name.length() + 2, close).strip();
  }

  static YAMLMapper yaml() {
    return new YAMLMapper();
  }

  static Set<String> names(Inventory inventory) {
    return inventory.components().stream().map(Component::ref).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void jupyterAiYarnBerryLock() throws IOException {
    Path p = project("jupyterlab__jupyter-ai");
    Set<String> expected = new TreeSet<>();
    new YAMLMapper().readTree(p.resolve("yarn.lock").toFile()).fields().forEachRemaining(e -> {
      String resolution = e.getValue().path("resolution").asText("");
      if (!e.getKey().equals("__metadata") && !resolution.contains("@workspace:")) {
        int at = resolution.indexOf('@', 1);
        expected.add(resolution.substring(0, at) + "@" + e.getValue().path("version").asText());
      }
    });
    assertThat(reported(Catalog.of(p), "npm")).isEqualTo(expected);
  }

  @Test
  void openaiNodePnpmLock() throws IOException {
    Path p = project("openai__openai-node");
    Set<String> expected = new TreeSet<>();
    new YAMLMapper().readTree(p.resolve("pnpm-lock.yaml").toFile()).path("packages").fieldNames().forEachRemaining(k -> {
      int at = k.indexOf('@', 1);
      // "openai@file:" is the project itself (a directory resolution): first-party
      if (!k.startsWith("file:", at + 1)) {
        expected.add(k.substring(0, at) + "@" + k.substring(at + 1));
      }
    });
    assertThat(reported(Catalog.of(p), "npm")).isEqualTo(expected);
  }

  @Test
  void ollamaGoMod() throws IOException {
    Path p = project("ollama__ollama");
    Set<String> expected = new TreeSet<>();
    boolean inBlock = false;
    for (String line : Files.readAllLines(p.resolve("go.mod"))) {
      String t = line.strip();
      if (t.equals("require (")) {
        inBlock = true;
      } else if (t.equals(")")) {
        inBlock = false;
      } else if (inBlock || t.startsWith("require ")) {
        String[] f = (inBlock ? t : t.substring("require ".length())).split("\\s+");
        expected.add(f[0] + "@" + f[1]);
      }
    }
    assertThat(reported(Catalog.of(p), "Go")).isEqualTo(expected);
  }

  @Test
  void textEmbeddingsInferenceCargoLock() throws IOException {
    Path p = project("huggingface__text-embeddings-inference");
    Set<String> expected = new TreeSet<>();
    for (JsonNode pkg : new TomlMapper().readTree(p.resolve("Cargo.lock").toFile()).path("package")) {
      if (pkg.has("source")) {
        expected.add(pkg.get("name").asText() + "@" + pkg.get("version").asText());
      }
    }
    assertThat(reported(Catalog.of(p), "crates.io")).isEqualTo(expected);
  }
}
