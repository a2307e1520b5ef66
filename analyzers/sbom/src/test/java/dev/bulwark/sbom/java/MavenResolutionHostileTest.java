package dev.bulwark.sbom.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Component;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile POMs in the tree or in the repository: bounded, never read outside, never leaking the environment. */
class MavenResolutionHostileTest {

  @TempDir
  Path tmp;

  private Path repo() throws IOException {
    return Files.createDirectories(tmp.resolve("repository"));
  }

  private static void pom(Path repo, String a, String v, String body) throws IOException {
    Path p = repo.resolve("org/evil/" + a + "/" + v + "/" + a + "-" + v + ".pom");
    Files.createDirectories(p.getParent());
    Files.writeString(p, body);
  }

  private static String project(String a, String v, String deps) {
    return "<project><modelVersion>4.0.0</modelVersion><groupId>org.evil</groupId><artifactId>" + a
        + "</artifactId><version>" + v + "</version><dependencies>" + deps + "</dependencies></project>";
  }

  private static String dep(String a, String v) {
    return "<dependency><groupId>org.evil</groupId><artifactId>" + a + "</artifactId><version>" + v
        + "</version></dependency>";
  }

  private List<Component> scan(Path repo, String rootPom) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("target/sub/project"));
    Files.writeString(root.resolve("pom.xml"), rootPom);
    ScanContext context = Fixtures.context(root, Map.of(MavenResolverSettings.REPO_LOCAL, repo.toString()));
    return new MavenPomCataloger().catalog(context.tree().file("pom.xml").orElseThrow(), context);
  }

  private static Component named(List<Component> out, String name) {
    return out.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void repositoryPomWithAnEntityIsNotParsed() throws IOException {
    Path repo = repo();
    pom(repo, "xxe", "1", "<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
        + project("xxe", "1", dep("&x;", "1")));
    List<Component> out = scan(repo, project("app", "1", dep("xxe", "1")));
    assertThat(named(out, "xxe").properties()).containsEntry(TransitiveComponents.POM_UNRESOLVED, "true");
    assertThat(out).hasSize(2);
  }

  @Test
  void environmentNeverReachesInterpolation() throws IOException {
    Path repo = repo();
    pom(repo, "leaf", "1", project("leaf", "1", ""));
    List<Component> out = scan(repo, project("app", "1", dep("leaf", "${env.PATH}") + dep("leaf2", "${user.home}")
        + dep("leaf3", "${java.home}")));
    String jdk = System.getProperty("java.home");
    assertThat(out).noneMatch(c -> String.valueOf(c.version()).contains("/") && !String.valueOf(c.version()).equals("/java.home"))
        .noneMatch(c -> String.valueOf(c.version()).contains(jdk))
        .noneMatch(c -> c.properties().values().stream().anyMatch(v -> v.contains(System.getenv("PATH")) || v.contains(jdk)));
  }

  @Test
  void coordinatesThatAreNoSafePathLoseOnlyThemselves() throws IOException {
    // Maven Resolver throws on a coordinate with "..", a slash or a colon, which ended the whole resolution
    Path repo = repo();
    pom(repo, "leaf", "1", project("leaf", "1", ""));
    pom(repo, "mid", "1", project("mid", "1", dep("leaf", "1") + dep("deep", "../../../etc")));
    List<Component> out = scan(repo, project("app", "1", dep("mid", "1") + dep("bad", "a/b") + dep("colon", "1:2")));
    assertThat(named(out, "mid").properties()).doesNotContainKey(TransitiveComponents.POM_UNRESOLVED);
    assertThat(named(out, "leaf").version()).isEqualTo("1");
    assertThat(out).noneMatch(c -> c.name().equals("deep"));
  }

  @Test
  void relativePathCannotLeaveTheTree() throws IOException {
    Path repo = repo();
    // a parent POM outside the scanned folder, where <relativePath> points; Maven would read it, Bulwark must not
    Files.createDirectories(tmp.resolve("target"));
    Files.writeString(tmp.resolve("target/pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>org.evil"
        + "</groupId><artifactId>outside</artifactId><version>1</version><packaging>pom</packaging>"
        + "<properties><v>LEAKED</v></properties></project>");
    List<Component> out = scan(repo, "<project><modelVersion>4.0.0</modelVersion><parent><groupId>org.evil</groupId>"
        + "<artifactId>outside</artifactId><version>1</version><relativePath>../../pom.xml</relativePath></parent>"
        + "<artifactId>app</artifactId><dependencies>" + dep("leaf", "${v}") + "</dependencies></project>");
    assertThat(out).noneMatch(c -> "LEAKED".equals(c.version()));
    assertThat(named(out, "app").properties()).containsEntry(TransitiveComponents.RESOLUTION, "declared");
  }

  @Test
  void readerRefusesFilesOutsideTheAllowedFoldersAndOversizedPoms() throws IOException {
    Path inside = Files.createDirectories(tmp.resolve("inside"));
    Path outside = Files.writeString(tmp.resolve("pom.xml"), project("x", "1", ""));
    Path big = Files.writeString(inside.resolve("big.pom"), project("x", "1", "")
        + " ".repeat(ResolutionBudget.MAX_POM_BYTES));
    Path ok = Files.writeString(inside.resolve("ok.pom"), project("x", "1", ""));
    ResolutionBudget budget = new ResolutionBudget(10_000, List.of(inside));
    SecurePomReader reader = new SecurePomReader();
    assertThat(budget.run(() -> reader.read(ok.toFile(), Map.of())).getArtifactId()).isEqualTo("x");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> budget.run(() -> reader.read(outside.toFile(), Map.of())))
        .hasMessageContaining("outside the scanned tree");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> budget.run(() -> reader.read(big.toFile(), Map.of())))
        .hasMessageContaining("larger than");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(ok.toFile(), Map.of()))
        .as("no budget, no file reads").hasMessageContaining("outside the scanned tree");
  }

  @Test
  void deepChainIsCutAtTheDepthLimit() throws IOException {
    Path repo = repo();
    int n = ResolutionBudget.MAX_DEPTH + 10;
    for (int i = 0; i < n; i++) {
      pom(repo, "d" + i, "1", project("d" + i, "1", i + 1 < n ? dep("d" + (i + 1), "1") : ""));
    }
    List<Component> out = scan(repo, project("app", "1", dep("d0", "1")));
    assertThat(out).hasSize(ResolutionBudget.MAX_DEPTH + 1);
    assertThat(named(out, "app").properties().get(TransitiveComponents.NOTE)).contains("deeper than");
  }
}
