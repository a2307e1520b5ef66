package dev.bulwark.sbom.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Component;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build info's {@code =>} lines, as kubectl's carry them (staging modules replaced by local folders). */
class GoBinaryReplaceTest {

  @TempDir Path dir;

  @Test
  void aLocalReplacementIsNamedByTheModuleItStandsFor() throws Exception {
    Path bin = Files.write(dir.resolve("kubectl"), new byte[] {0x7f, 'E', 'L', 'F'});
    String modInfo = String.join("\n",
        "path\tk8s.io/kubernetes/cmd/kubectl",
        "mod\tk8s.io/kubernetes\t(devel)\t",
        "dep\tk8s.io/api\tv0.0.0\t",
        "=>\t./staging/src/k8s.io/api\t\t",
        "dep\tgithub.com/old/yaml\tv1.0.0\th1:aaa=",
        "=>\tgithub.com/new/yaml\tv1.1.0\th1:bbb=",
        "dep\tgithub.com/spf13/cobra\tv1.7.0\th1:ccc=");
    List<Component> out = GoBinaryCataloger.components(Fixtures.file(bin), new GoBuildInfo.Info("go1.21.3", modInfo));
    Component api = out.stream().filter(c -> c.name().equals("k8s.io/api")).findFirst().orElseThrow();
    assertThat(api.firstParty()).isTrue();
    assertThat(api.purl()).isNull();
    assertThat(api.properties()).containsEntry("go:replacedBy", "./staging/src/k8s.io/api");
    assertThat(out).extracting(Component::name).doesNotContain("./staging/src/k8s.io/api", "github.com/old/yaml")
        .contains("github.com/new/yaml", "github.com/spf13/cobra");
    assertThat(out).filteredOn(c -> c.name().equals("github.com/new/yaml")).singleElement()
        .satisfies(c -> assertThat(c.properties()).containsEntry("go:replaces", "pkg:golang/github.com/old/yaml@v1.0.0"));
  }
}
