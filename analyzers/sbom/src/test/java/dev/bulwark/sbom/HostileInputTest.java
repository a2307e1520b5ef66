package dev.bulwark.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Component;
import dev.bulwark.model.Target;
import dev.bulwark.sbom.java.MavenPomCataloger;
import dev.bulwark.sbom.java.JavaArchiveCataloger;
import dev.bulwark.sbom.npm.NpmLockCataloger;
import dev.bulwark.sbom.npm.PnpmLockCataloger;
import dev.bulwark.sbom.npm.YarnLockCataloger;
import dev.bulwark.sbom.go.GoBinaryCataloger;
import dev.bulwark.sbom.python.RequirementsCataloger;
import dev.bulwark.sbom.python.PoetryLockCataloger;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.Limits;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and hostile inputs end as UnreadableInputException or bounded results, never crashes or hangs. */
class HostileInputTest {

  @TempDir
  Path dir;

  private List<Component> run(Cataloger c, String name) throws IOException {
    ScanContext context = Fixtures.context(dir);
    ScanFile f = context.tree().file(name).orElseThrow();
    assertThat(c.claims(f)).as("claims %s", name).isTrue();
    return c.catalog(f, context);
  }

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  /** A Gemfile line built to make its group patterns backtrack: skipped, the lockfile still read. */
  @Test
  @org.junit.jupiter.api.Timeout(30)
  void gemfileLinesThatWouldBacktrackAreSkipped() throws IOException {
    write("Gemfile", "source 'https://rubygems.org'\ngroup " + "a".repeat(1_000_000) + " do\n  gem 'rake'\nend\n"
        + "gem 'rack', " + "group: [".repeat(150_000) + "\n");
    write("Gemfile.lock", "GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.8)\n    rake (13.1.0)\n\n"
        + "PLATFORMS\n  ruby\n\nDEPENDENCIES\n  rack\n  rake\n");
    List<Component> out = run(new dev.bulwark.sbom.ruby.GemfileLockCataloger(), "Gemfile.lock");
    assertThat(out).extracting(Component::name).contains("rack", "rake");
  }

  @Test
  void malformedJsonIsUnreadable() throws IOException {
    write("package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {\"node_modules/a\": ");
    assertThatThrownBy(() -> run(new NpmLockCataloger(), "package-lock.json"))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("package-lock.json").hasMessageContaining("malformed JSON");
  }

  @Test
  void deeplyNestedJsonIsUnreadableNotAStackOverflow() throws IOException {
    write("package-lock.json", "{\"dependencies\":" + "{\"a\":".repeat(50_000) + "{}" + "}".repeat(50_001));
    assertThatThrownBy(() -> run(new NpmLockCataloger(), "package-lock.json")).isInstanceOf(UnreadableInputException.class);
  }

  @Test
  void yamlAliasBombIsNotExpanded() throws IOException {
    StringBuilder b = new StringBuilder("lockfileVersion: '9.0'\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      b.append("]\n");
    }
    b.append("packages: *a11\n");
    write("pnpm-lock.yaml", b.toString());
    // Jackson's YAML parser reports an alias as its anchor name instead of expanding it: 10^11 nodes never exist
    assertThat(run(new PnpmLockCataloger(), "pnpm-lock.yaml")).isEmpty();
  }

  @Test
  void pomWithExternalEntityIsRejected() throws IOException {
    write("pom.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        + "<project><groupId>g</groupId><artifactId>&xxe;</artifactId><version>1</version></project>\n");
    assertThatThrownBy(() -> run(new MavenPomCataloger(), "pom.xml"))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("DOCTYPE");
  }

  @Test
  void cyclicParentPomsTerminate() throws IOException {
    write("a/pom.xml", "<project><parent><groupId>g</groupId><artifactId>b</artifactId><version>1</version>"
        + "<relativePath>../b/pom.xml</relativePath></parent><artifactId>a</artifactId>"
        + "<dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>${v}</version></dependency></dependencies></project>");
    write("b/pom.xml", "<project><parent><groupId>g</groupId><artifactId>a</artifactId><version>1</version>"
        + "<relativePath>../a/pom.xml</relativePath></parent><artifactId>b</artifactId><properties><v>${v}</v></properties></project>");
    List<Component> out = run(new MavenPomCataloger(), "a/pom.xml");
    assertThat(out).anySatisfy(c -> {
      assertThat(c.name()).isEqualTo("y");
      assertThat(c.properties()).containsEntry(Component.UNRESOLVED, "true");
    });
  }

  @Test
  void cyclicRequirementIncludesTerminate() throws IOException {
    write("requirements.txt", "-r requirements-dev.txt\nflask==3.0.0\n");
    write("requirements-dev.txt", "-r requirements.txt\npytest==8.0.0\n-r ../../../etc/passwd\n");
    List<Component> out = run(new RequirementsCataloger(), "requirements.txt");
    assertThat(out).extracting(Component::name).containsExactlyInAnyOrder("flask", "pytest");
  }

  @Test
  void yarnV1WithoutPackageKeyIsUnreadable() throws IOException {
    write("yarn.lock", "# yarn lockfile v1\nnot-a-key-line\n  version \"1\"\n");
    assertThatThrownBy(() -> run(new YarnLockCataloger(), "yarn.lock")).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void oversizedLockfileIsUnreadable() throws IOException {
    write("poetry.lock", "[[package]]\nname = \"a\"\nversion = \"1\"\n" + "# padding\n".repeat(2000));
    ScanContext small = new ScanContext(new Target(dir.toString(), Target.Type.DIRECTORY, Map.of()), Optional.of(dir),
        Fixtures.tree(dir), Map.of(), new Limits(1024, 4, 100, 1 << 20, 100, 1000), Fixtures.CLOCK, dir, true);
    ScanFile f = small.tree().file("poetry.lock").orElseThrow();
    assertThatThrownBy(() -> new PoetryLockCataloger().catalog(f, small)).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void truncatedJarIsUnreadable() throws IOException {
    byte[] zip = Files.readAllBytes(Fixtures.path("java-archive/jars/input/packageurl-java-1.5.0.jar"));
    Files.write(dir.resolve("broken.jar"), java.util.Arrays.copyOf(zip, 200));
    assertThatThrownBy(() -> run(new JavaArchiveCataloger(), "broken.jar")).isInstanceOf(UnreadableInputException.class);
  }

  @Test
  void elfWithGarbageSectionHeadersYieldsNothing() throws IOException {
    byte[] elf = new byte[4096];
    elf[0] = 0x7F;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    elf[4] = 2;
    elf[5] = 1;
    for (int i = 0x28; i < 0x40; i++) {
      elf[i] = (byte) 0xFF;
    }
    Files.write(dir.resolve("tool"), elf);
    assertThat(run(new GoBinaryCataloger(), "tool")).isEmpty();
  }
}
