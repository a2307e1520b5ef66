package dev.bulwark.sbom.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bulwark.model.Component;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Inventory;
import dev.bulwark.spi.Limits;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transitive resolution against a POM-only fixture repository, compared with what real Maven resolved for the
 * same reactor ({@code dependency-tree-*.txt}, made by {@code make-dependency-tree.sh}): parent dependency
 * management, an imported BOM, properties, nearest-wins, an exclusion, optional, test and provided scopes, a
 * version range and a reactor module.
 */
class MavenResolutionTest {

  static final Path FIXTURE = Paths.get("src/test/resources/fixtures/maven-resolve");

  @TempDir
  Path tmp;

  private Path repository() throws IOException {
    Path repo = tmp.resolve("repository");
    copy(FIXTURE.resolve("repository"), repo);
    return repo;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static List<Component> catalog(ScanContext context, String path) throws IOException {
    ScanFile file = context.tree().file(path).orElseThrow();
    return new MavenPomCataloger().catalog(file, context);
  }

  private static Component project(List<Component> out, String name) {
    return out.stream().filter(c -> c.name().equals(name) && c.locations().stream()
        .anyMatch(l -> l.path().endsWith(name + "/pom.xml") || l.path().equals("pom.xml"))
        && c.scope() == DependencyScope.UNKNOWN).findFirst().orElseThrow();
  }

  /** {@code group:name[:classifier]@version/scope} (+{@code /optional}) as Maven's tree writes it. */
  private static String describe(Component c) {
    String scope = c.properties().getOrDefault("maven:scope", "compile");
    String classifier = c.properties().get("maven:classifier");
    return c.group() + ":" + c.name() + (classifier == null ? "" : ":" + classifier) + "@" + c.version() + "/" + scope
        + (c.kind() == DependencyKind.OPTIONAL ? "/optional" : "");
  }

  record Tree(Set<String> nodes, Set<String> direct, Map<String, Set<String>> edges) {}

  /** Reads {@code mvn dependency:tree} text output. */
  static Tree tree(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Set<String> nodes = new TreeSet<>();
    Set<String> direct = new TreeSet<>();
    Map<String, Set<String>> edges = new HashMap<>();
    List<String> stack = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int start = 0;
      while (start < line.length() && "+-\\| ".indexOf(line.charAt(start)) >= 0) {
        start++;
      }
      int depth = start / 3;
      String[] f = line.substring(start).replace(" (optional)", "").split(":");
      // group:artifact:type[:classifier]:version:scope
      String classifier = f.length == 6 ? ":" + f[3] : "";
      String node = f[0] + ":" + f[1] + classifier + "@" + f[f.length - 2] + "/" + f[f.length - 1]
          + (line.endsWith("(optional)") ? "/optional" : "");
      nodes.add(node);
      while (stack.size() >= depth) {
        stack.remove(stack.size() - 1);
      }
      if (stack.isEmpty()) {
        direct.add(node);
      } else {
        edges.computeIfAbsent(stack.get(stack.size() - 1), k -> new TreeSet<>()).add(node);
      }
      stack.add(node);
    }
    return new Tree(nodes, direct, edges);
  }

  @Test
  void resolvesTheReactorAsMavenDoes() throws IOException {
    ScanContext context = Fixtures.context(FIXTURE.resolve("reactor"),
        Map.of(MavenResolverSettings.REPO_LOCAL, repository().toString()));
    for (String module : List.of("app", "lib")) {
      Tree expected = tree(FIXTURE.resolve("dependency-tree-" + module + ".txt"));
      List<Component> out = catalog(context, module + "/pom.xml");
      Component self = project(out, module);
      List<Component> deps = out.stream().filter(c -> c != self).toList();
      Map<String, Component> byRef = deps.stream().collect(Collectors.toMap(Component::ref, c -> c));

      Set<String> described = deps.stream().map(MavenResolutionTest::describe)
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(described).as(module).isEqualTo(expected.nodes());
      assertThat(self.dependsOn().stream().map(r -> describe(byRef.get(r))).collect(Collectors.toSet()))
          .as(module + " direct").isEqualTo(expected.direct());
      for (Component c : deps) {
        boolean direct = expected.direct().contains(describe(c));
        assertThat(c.scope()).as(describe(c)).isEqualTo(direct ? DependencyScope.DIRECT : DependencyScope.TRANSITIVE);
        Set<String> children = c.dependsOn().stream().map(r -> describe(byRef.get(r))).collect(Collectors.toSet());
        // Maven's tree shows an edge once, under the nearest path; Bulwark also keeps edges to conflict winners
        assertThat(children).as(describe(c)).containsAll(expected.edges().getOrDefault(describe(c), Set.of()));
      }
      assertThat(self.properties()).containsEntry(TransitiveComponents.RESOLUTION, "local-repository")
          .doesNotContainKey(TransitiveComponents.NOTE);
    }
  }

  /** A local repository inside the target (an image's ~/.m2) is cached artifacts, not projects to resolve. */
  @Test
  void pomsInARepositoryLayoutAreNotProjects() {
    Inventory inventory = dev.bulwark.sbom.Catalog.of(FIXTURE);
    assertThat(inventory.components()).filteredOn(Component::firstParty).extracting(Component::name)
        .contains("app", "lib").allSatisfy(name -> assertThat(name).isIn("reactor", "app", "lib"));
    assertThat(inventory.components()).noneMatch(c -> c.locations().stream()
        .anyMatch(l -> l.path().startsWith("repository/")));
    assertThat(MavenPomCataloger.inRepositoryLayout("root/.m2/repository/org/x/lib/1.0/lib-1.0.pom")).isTrue();
    assertThat(MavenPomCataloger.inRepositoryLayout("m2/org/x/lib/1.0-SNAPSHOT/lib-1.0-20240101.101010-3.pom")).isTrue();
    assertThat(MavenPomCataloger.inRepositoryLayout("dist/lib-1.0.pom")).isFalse();
    assertThat(MavenPomCataloger.inRepositoryLayout("app/pom.xml")).isFalse();
  }

  @Test
  void semanticsSpelledOut() throws IOException {
    ScanContext context = Fixtures.context(FIXTURE.resolve("reactor"),
        Map.of(MavenResolverSettings.REPO_LOCAL, repository().toString()));
    List<Component> out = catalog(context, "app/pom.xml");
    Map<String, Component> byName = new HashMap<>();
    out.forEach(c -> byName.put(c.name(), c));
    assertThat(byName.get("c").version()).as("nearest wins, first declaration on a tie").isEqualTo("1.0");
    assertThat(byName.get("x").dependsOn()).as("loser's edge goes to the winner")
        .containsExactly("pkg:maven/org.fixture/c@1.0");
    assertThat(byName.get("m").version()).as("parent's dependencyManagement").isEqualTo("1.1");
    assertThat(byName.get("bom-lib").version()).as("imported BOM").isEqualTo("3.1");
    assertThat(byName.get("bom-lib-core").version()).as("${project.version} in a dependency's POM").isEqualTo("3.1");
    assertThat(byName.get("alpha").version()).as("property from the parent").isEqualTo("1.2");
    assertThat(byName.get("ranged").version()).isEqualTo("1.5");
    assertThat(byName.get("ranged").properties()).containsEntry("bulwark:versionRange", "[1.0,2.0)");
    assertThat(byName).as("exclusion, optional of a dependency, test and provided of a dependency")
        .doesNotContainKeys("e", "h", "k", "p");
    assertThat(byName.get("testdep").kind()).isEqualTo(DependencyKind.TEST);
    assertThat(byName.get("servlet-api").kind()).isEqualTo(DependencyKind.PROVIDED);
    assertThat(byName.get("opt-child").kind()).isEqualTo(DependencyKind.OPTIONAL);
    assertThat(byName.get("lib").firstParty()).as("reactor module").isTrue();
    assertThat(byName.get("liblib").firstParty()).isFalse();
    assertThat(byName.get("a").locations()).as("declared line kept").extracting(l -> l.line()).containsExactly(11);
  }

  private static Path writeProject(Path root, String deps) throws IOException {
    Files.createDirectories(root);
    Files.writeString(root.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>org.fixture</groupId><artifactId>probe</artifactId><version>1.0</version>
          <dependencies>%s</dependencies>
        </project>
        """.formatted(deps));
    return root;
  }

  /** A local server standing in for Maven Central; counts requests and serves {@code served} by path. */
  private static HttpServer server(Map<String, String> served, AtomicInteger requests) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      String body = served.get(exchange.getRequestURI().getPath());
      byte[] bytes = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(bytes);
      }
    });
    server.start();
    return server;
  }

  private static final String ABSENT_POM = """
      <project><modelVersion>4.0.0</modelVersion><groupId>org.fixture</groupId><artifactId>absent</artifactId>
      <version>1.0</version><dependencies><dependency><groupId>org.fixture</groupId><artifactId>c</artifactId>
      <version>2.0</version></dependency></dependencies></project>
      """;

  private static Set<String> listing(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.map(p -> folder.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void offlineByDefaultNothingFetchedAndTheNoteSaysSo() throws IOException {
    Path repo = repository();
    Set<String> before = listing(repo);
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = server(Map.of("/org/fixture/absent/1.0/absent-1.0.pom", ABSENT_POM), requests);
    try {
      Path root = writeProject(tmp.resolve("project"), """
          <dependency><groupId>org.fixture</groupId><artifactId>absent</artifactId><version>1.0</version></dependency>
          <dependency><groupId>org.fixture</groupId><artifactId>b</artifactId><version>1.0</version></dependency>
          """);
      String central = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      ScanContext context = new ScanContext(Fixtures.context(root).target(), java.util.Optional.of(root),
          Fixtures.tree(root), Map.of(MavenResolverSettings.REPO_LOCAL, repo.toString(),
              MavenResolverSettings.CENTRAL, central), Limits.DEFAULT, Fixtures.CLOCK, tmp.resolve("cache"), false);
      List<Component> out = catalog(context, "pom.xml");
      Component self = project(out, "probe");

      assertThat(requests).as("no request without --online").hasValue(0);
      assertThat(listing(repo)).as("local repository untouched").isEqualTo(before);
      assertThat(out).extracting(c -> c.name() + "@" + c.version())
          .contains("absent@1.0", "b@1.0", "x@1.0", "c@2.0");
      assertThat(out.stream().filter(c -> c.name().equals("absent")).findFirst().orElseThrow().properties())
          .containsEntry(TransitiveComponents.POM_UNRESOLVED, "true");
      assertThat(self.properties().get(TransitiveComponents.NOTE))
          .isEqualTo("1 dependencies not resolved transitively, their POMs are not in the local repository (or could "
              + "not be built): org.fixture:absent:1.0; --online would fetch them");

      // the same scan online downloads the POM into Bulwark's cache, not into the user's repository
      ScanContext online = new ScanContext(context.target(), context.root(), context.tree(),
          Map.of(MavenResolverSettings.REPO_LOCAL, repo.toString(), MavenResolverSettings.CENTRAL, central,
              MavenResolverSettings.ONLINE, "true"), Limits.DEFAULT, Fixtures.CLOCK, tmp.resolve("cache"), false);
      List<Component> fetched = catalog(online, "pom.xml");
      assertThat(requests.get()).isPositive();
      assertThat(listing(repo)).isEqualTo(before);
      assertThat(tmp.resolve("cache/maven/repository/org/fixture/absent/1.0/absent-1.0.pom")).exists();
      Component absent = fetched.stream().filter(c -> c.name().equals("absent")).findFirst().orElseThrow();
      assertThat(absent.properties()).doesNotContainKey(TransitiveComponents.POM_UNRESOLVED);
      assertThat(absent.dependsOn()).containsExactly("pkg:maven/org.fixture/c@2.0");
      assertThat(project(fetched, "probe").properties()).containsEntry(TransitiveComponents.RESOLUTION, "online")
          .doesNotContainKey(TransitiveComponents.NOTE);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void versionNoPropertyDefinesStaysDeclared() throws IOException {
    Path root = writeProject(tmp.resolve("broken"), """
        <dependency><groupId>org.fixture</groupId><artifactId>b</artifactId><version>1.0</version></dependency>
        <dependency><groupId>org.fixture</groupId><artifactId>c</artifactId><version>${undefined.version}</version></dependency>
        """);
    ScanContext context = Fixtures.context(root, Map.of(MavenResolverSettings.REPO_LOCAL, repository().toString()));
    List<Component> out = catalog(context, "pom.xml");
    // Maven would refuse the project; Bulwark resolves the rest and keeps the broken one as declared
    assertThat(out).extracting(c -> c.name() + "@" + c.version()).containsExactlyInAnyOrder("b@1.0", "x@1.0",
        "c@2.0", "c@null", "probe@1.0");
    assertThat(out.stream().filter(c -> c.version() == null && c.name().equals("c")).findFirst().orElseThrow()
        .properties()).containsEntry(Component.UNRESOLVED, "true");
    Component self = project(out, "probe");
    assertThat(self.properties()).containsEntry(TransitiveComponents.RESOLUTION, "local-repository");
    assertThat(self.properties().get(TransitiveComponents.NOTE)).contains("org.fixture:c:${undefined.version}");
  }

  @Test
  void projectWhoseParentIsMissingStaysDeclaredWithANote() throws IOException {
    Path root = tmp.resolve("orphan");
    Files.createDirectories(root);
    Files.writeString(root.resolve("pom.xml"), """
        <project><modelVersion>4.0.0</modelVersion>
          <parent><groupId>org.fixture</groupId><artifactId>nowhere-parent</artifactId><version>9</version></parent>
          <artifactId>orphan</artifactId>
          <dependencies><dependency><groupId>org.fixture</groupId><artifactId>b</artifactId><version>1.0</version></dependency></dependencies>
        </project>
        """);
    ScanContext context = Fixtures.context(root, Map.of(MavenResolverSettings.REPO_LOCAL, repository().toString()));
    List<Component> out = catalog(context, "pom.xml");
    assertThat(out).extracting(Component::name).containsExactlyInAnyOrder("b", "orphan");
    Component self = project(out, "orphan");
    assertThat(self.properties()).containsEntry(TransitiveComponents.RESOLUTION, "declared");
    assertThat(self.properties().get(TransitiveComponents.NOTE)).contains("nowhere-parent").contains("--online");
  }
}
