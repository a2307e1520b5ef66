package dev.bulwark.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file of the target, handed to catalogers and analyzers. Implementations are thread-safe; each
 * {@link #open()} returns a new stream the caller closes.
 *
 * <p>{@link #path()} is relative to the target with {@code /} separators; a member of an archive is
 * written {@code outer.zip!inner/file} (one {@code !} per archive level).
 */
public interface ScanFile {

  /** Bytes of {@link #head()}: enough for every magic number Bulwark sniffs. */
  int HEAD_BYTES = 8192;

  String path();

  /** Last segment of the path: {@code requirements.txt}. */
  default String name() {
    String p = path();
    int bang = p.lastIndexOf('!');
    int slash = p.lastIndexOf('/');
    return p.substring(Math.max(bang, slash) + 1);
  }

  /** Folder part of the path (without trailing slash), empty at the root. */
  default String parent() {
    String p = path();
    int cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('!'));
    return cut < 0 ? "" : p.substring(0, cut);
  }

  long size();

  InputStream open() throws IOException;

  /** The first {@link #HEAD_BYTES} bytes (fewer for small files); read once and cached. */
  byte[] head();

  /** What the content looks like, from its magic bytes. */
  FileKind kind();

  /** The file on disk, when there is one (for random access: zip central directories, SQLite...). */
  Optional<Path> localPath();

  /**
   * Reads the whole file when it is at most {@code limit} bytes; throws {@link UnreadableInputException}
   * naming the file otherwise, so that no analyzer reads an unbounded file into memory by accident.
   */
  default byte[] readAllBytes(long limit) throws IOException {
    if (size() > limit) {
      throw new UnreadableInputException(path(), "file is " + size() + " bytes, more than the limit of " + limit);
    }
    try (InputStream in = open()) {
      byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 16));
      if (bytes.length > limit) {
        throw new UnreadableInputException(path(), "file grew past the limit of " + limit + " bytes while reading");
      }
      return bytes;
    }
  }

  /** Reads the file as UTF-8 text (malformed bytes replaced), bounded like {@link #readAllBytes(long)}. */
  default String readString(long limit) throws IOException {
    return new String(readAllBytes(limit), java.nio.charset.StandardCharsets.UTF_8);
  }
}
