package dev.bulwark.model.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Finding;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ordinary files that look like pickles or compressed streams at first glance are not reported. */
class LookalikeTest {
  @TempDir
  Path dir;

  @Test
  void textAndRandomBinariesAreQuiet() throws Exception {
    Random r = new Random(7);
    Files.writeString(dir.resolve("NOTES"), "config\nvalue\nmore text that is not a pickle\n");
    Files.writeString(dir.resolve("CHANGES"), "(see below)\nIntroduced a thing.\n");
    byte[] b = new byte[4096];
    r.nextBytes(b);
    b[0] = (byte) 0x80;
    b[1] = 3;
    Files.write(dir.resolve("blob.dat"), b);
    byte[] z = b.clone();
    z[0] = 0x78;
    z[1] = (byte) 0x9C;
    Files.write(dir.resolve("noise"), z);
    Files.writeString(dir.resolve("script.py"), "import subprocess\nsubprocess.run(['ls'])\n", StandardCharsets.UTF_8);
    var ctx = Fixtures.context(dir);
    for (var f : ctx.tree().files()) {
      List<Finding> found = CorpusSupport.scan(ctx, f);
      assertThat(found).as("%s:%s", f.path(), CorpusSupport.describe(found)).isEmpty();
    }
  }
}
