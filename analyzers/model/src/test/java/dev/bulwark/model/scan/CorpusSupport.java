package dev.bulwark.model.scan;

import dev.bulwark.model.Finding;
import dev.bulwark.model.scan.hf.HuggingFaceAnalyzer;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs every model analyzer over a fixture folder the way the engine would. */
final class CorpusSupport {
  static final List<FileAnalyzer> ANALYZERS = List.of(new ModelArtifactAnalyzer(), new HuggingFaceAnalyzer());

  private CorpusSupport() {}

  static Path root(String folder) {
    return Fixtures.path("model/" + folder);
  }

  static ScanContext context(String folder, Map<String, String> settings) {
    return Fixtures.context(root(folder), settings);
  }

  /** Findings of all analyzers for one file of the context's tree (unreadable input becomes an exception message). */
  static List<Finding> scan(ScanContext ctx, String path) {
    ScanFile f = ctx.tree().file(path).orElseThrow(() -> new IllegalArgumentException("no fixture " + path));
    return scan(ctx, f);
  }

  static List<Finding> scan(ScanContext ctx, ScanFile f) {
    List<Finding> out = new ArrayList<>();
    for (FileAnalyzer a : ANALYZERS) {
      if (a.accepts(f)) {
        try {
          out.addAll(a.analyze(f, ctx));
        } catch (UnreadableInputException e) {
          throw new AssertionError("unreadable: " + e.getMessage(), e);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  static String describe(List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      b.append("\n  ").append(f.severity()).append(' ').append(f.rule()).append(' ').append(f.location())
          .append(' ').append(f.evidence());
    }
    return b.toString();
  }
}
