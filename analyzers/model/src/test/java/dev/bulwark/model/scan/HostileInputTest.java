package dev.bulwark.model.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated and bit-flipped copies of every fixture: the analyzers may report findings or throw
 * {@link UnreadableInputException}, but never fail with any other exception.
 */
class HostileInputTest {
  @TempDir
  Path tmp;

  @Test
  void mutatedFixturesNeverCrashTheAnalyzers() throws IOException {
    Random random = new Random(Long.getLong("bulwark.fuzz.seed", 42L));
    int rounds = Integer.getInteger("bulwark.fuzz.rounds", 6);
    List<String> failures = new ArrayList<>();
    int scanned = 0;
    for (String folder : List.of("benign", "benign-sklearn", "malicious")) {
      ScanContext ctx = CorpusSupport.context(folder, Map.of());
      for (ScanFile f : ctx.tree().files()) {
        byte[] original = Files.readAllBytes(f.localPath().orElseThrow());
        if (original.length == 0 || original.length > 2_000_000) continue;
        for (int round = 0; round < rounds; round++) {
          byte[] mutated = mutate(original, random, round);
          Path p = tmp.resolve(round + "-" + f.name());
          Files.write(p, mutated);
          ScanFile mf = Fixtures.file(p);
          for (FileAnalyzer a : CorpusSupport.ANALYZERS) {
            try {
              if (a.accepts(mf)) {
                a.analyze(mf, Fixtures.context(tmp));
                scanned++;
              }
            } catch (UnreadableInputException expected) {
              // hostile input reported as unreadable is fine
            } catch (Exception | StackOverflowError e) {
              failures.add(f.path() + " round " + round + " " + a.id() + ": " + e);
            }
          }
          Files.delete(p);
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(scanned).isGreaterThan(200);
  }

  private static byte[] mutate(byte[] in, Random r, int round) {
    byte[] out;
    if (round % 2 == 0) {
      out = java.util.Arrays.copyOf(in, Math.max(1, r.nextInt(in.length)));
    } else {
      out = in.clone();
      int flips = 1 + r.nextInt(8);
      for (int i = 0; i < flips; i++) {
        out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
      }
    }
    return out;
  }
}
