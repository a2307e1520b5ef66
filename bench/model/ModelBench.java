import dev.bulwark.model.Finding;
import dev.bulwark.model.Target;
import dev.bulwark.model.scan.ModelArtifactAnalyzer;
import dev.bulwark.model.scan.bom.ModelCataloger;
import dev.bulwark.spi.Limits;
import dev.bulwark.spi.ListFileTree;
import dev.bulwark.spi.PathScanFile;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Scans every file of a folder with the model analyzer and the AI-BOM cataloger (SHA-256), one thread; prints seconds. */
public class ModelBench {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    List<ScanFile> files;
    try (Stream<Path> s = Files.list(root)) {
      files = s.filter(Files::isRegularFile).sorted().map(p -> (ScanFile) new PathScanFile(p.getFileName().toString(), p, size(p))).toList();
    }
    ScanContext ctx = new ScanContext(new Target(root.toString(), Target.Type.DIRECTORY, Map.of()), Optional.of(root),
        new ListFileTree(files), Map.of(), Limits.DEFAULT, Clock.systemUTC(), root, true);
    ModelArtifactAnalyzer analyzer = new ModelArtifactAnalyzer();
    ModelCataloger cataloger = new ModelCataloger();
    long bytes = files.stream().mapToLong(ScanFile::size).sum();
    long t0 = System.nanoTime();
    int findings = 0;
    int components = 0;
    for (ScanFile f : files) {
      if (analyzer.accepts(f)) {
        List<Finding> found = analyzer.analyze(f, ctx);
        findings += found.size();
        found.forEach(x -> System.err.println("  finding: " + x.severity() + " " + x.rule() + " " + x.location()));
      }
      if (cataloger.claims(f)) {
        components += cataloger.catalog(f, ctx).size();
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("bulwark %d files %.2f GB: %.2f s, %.0f MB/s (%d components, %d findings)%n",
        files.size(), bytes / 1e9, secs, bytes / 1e6 / secs, components, findings);
    System.out.println("SECONDS " + secs);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
