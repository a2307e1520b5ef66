package dev.bulwark.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A private temporary folder for archive members. Every path handed out is a fresh numbered file
 * directly inside it, so no entry name from an archive ever becomes part of a path on disk.
 */
final class Sandbox implements AutoCloseable {
  private final Path dir;
  private final AtomicLong next = new AtomicLong();

  Sandbox() {
    try {
      this.dir = Files.createTempDirectory("bulwark-scan-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for archive members", e);
    }
  }

  /** A new, not yet existing file inside the sandbox. */
  Path newFile() {
    return dir.resolve("m" + next.incrementAndGet());
  }

  Path dir() {
    return dir;
  }

  @Override
  public void close() {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // best effort: a leftover temp folder is not worth failing a finished scan over
    }
  }
}
