package dev.bulwark.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** A {@link ScanFile} backed by a regular file on disk. */
public final class PathScanFile extends AbstractScanFile {
  private final String path;
  private final Path file;
  private final long size;

  public PathScanFile(String path, Path file, long size) {
    this.path = Objects.requireNonNull(path, "path");
    this.file = Objects.requireNonNull(file, "file");
    this.size = size;
  }

  public static PathScanFile of(Path root, Path file) throws IOException {
    String rel = root.equals(file) ? file.getFileName().toString() : root.relativize(file).toString().replace('\\', '/');
    return new PathScanFile(rel, file, Files.size(file));
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  @Override
  public Optional<Path> localPath() {
    return Optional.of(file);
  }
}
