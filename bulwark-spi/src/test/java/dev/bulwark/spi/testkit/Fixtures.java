package dev.bulwark.spi.testkit;

import dev.bulwark.model.Target;
import dev.bulwark.spi.FileTree;
import dev.bulwark.spi.Limits;
import dev.bulwark.spi.ListFileTree;
import dev.bulwark.spi.PathScanFile;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test kit for plugin authors: fixture files as {@link ScanFile}s and a {@link ScanContext} over a
 * fixture folder, with a fixed clock. Reads {@code src/test/resources/fixtures/...} of the module under test.
 */
public final class Fixtures {

  /** The clock of every test context: 2026-01-01T00:00:00Z. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private Fixtures() {}

  /** {@code src/test/resources/fixtures/<relative>} of the current module. */
  public static Path path(String relative) {
    Path p = Paths.get("src/test/resources/fixtures").resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalArgumentException("no fixture at " + p.toAbsolutePath());
    }
    return p;
  }

  /** The shared data folder ({@code ../shared}), when present; tests skip without it. */
  public static Optional<Path> shared() {
    String prop = System.getProperty("bulwark.shared");
    Path p = prop != null ? Paths.get(prop) : Paths.get("../../shared");
    if (!Files.isDirectory(p)) {
      p = Paths.get("../../../shared");
    }
    return Files.isDirectory(p) ? Optional.of(p.normalize()) : Optional.empty();
  }

  /** A single file as a scan file whose path is its file name. */
  public static ScanFile file(Path file) {
    try {
      return new PathScanFile(file.getFileName().toString(), file, Files.size(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file under {@code root}, paths relative to it. */
  public static FileTree tree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      List<ScanFile> files = walk.filter(Files::isRegularFile).map(p -> {
        try {
          return (ScanFile) PathScanFile.of(root, p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
      return new ListFileTree(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ScanContext context(Path root) {
    return context(root, Map.of());
  }

  public static ScanContext context(Path root, Map<String, String> settings) {
    Target target = new Target(root.toString(), Files.isDirectory(root) ? Target.Type.DIRECTORY : Target.Type.FILE, Map.of());
    FileTree tree = Files.isDirectory(root) ? tree(root) : new ListFileTree(List.of(file(root)));
    return new ScanContext(target, Optional.of(root), tree, settings, Limits.DEFAULT, CLOCK,
        root.resolve(".bulwark-test-cache"), true);
  }
}
