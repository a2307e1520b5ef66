package dev.bulwark.secrets;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Scanner;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Secret detection over every text file of the target (source, configuration, .env, notebooks, Dockerfiles,
 * members of archives and image layers as the engine delivers them). Binary content is skipped by sniffing,
 * not by extension.
 *
 * <p>Settings: {@code secrets.maxFileBytes} (default 32 MiB; larger files get an INFO finding and are not
 * read), {@code secrets.maxFindingsPerFile} (default 100).
 */
public final class SecretFileAnalyzer implements FileAnalyzer {

  public static final String ID = "secrets";
  public static final long DEFAULT_MAX_FILE_BYTES = 32L << 20;
  public static final int DEFAULT_MAX_FINDINGS = 100;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Scanner scanner() {
    return Scanner.SECRET;
  }

  @Override
  public boolean accepts(ScanFile file) {
    // one sniff of the head decides: archives, images, models and executables all fail the text test
    return file.size() > 0 && !TextDecoding.sniff(file.head()).isBinary();
  }

  @Override
  public List<Finding> analyze(ScanFile file, ScanContext context) throws IOException {
    long limit = Math.min(maxFileBytes(context), context.limits().maxFileBytes());
    if (file.size() > limit) {
      return List.of(TextSecretScan.skipped(file.path(), file.size(), limit));
    }
    byte[] bytes = file.localPath().isPresent() ? readLocal(file, file.localPath().get(), limit) : file.readAllBytes(limit);
    return new TextSecretScan(SecretScanner.standard(), maxFindings(context)).scan(file.path(), bytes, Map.of(), "");
  }

  /** One exactly-sized read for files on disk (the generic stream read grows and copies buffers). */
  private static byte[] readLocal(ScanFile file, java.nio.file.Path local, long limit) throws IOException {
    byte[] bytes = java.nio.file.Files.readAllBytes(local);
    if (bytes.length > limit) {
      throw new dev.bulwark.spi.UnreadableInputException(file.path(), "file grew past the limit of " + limit + " bytes while reading");
    }
    return bytes;
  }

  static long maxFileBytes(ScanContext context) {
    return positiveLong(context, "secrets.maxFileBytes", DEFAULT_MAX_FILE_BYTES);
  }

  static int maxFindings(ScanContext context) {
    return (int) positiveLong(context, "secrets.maxFindingsPerFile", DEFAULT_MAX_FINDINGS);
  }

  private static long positiveLong(ScanContext context, String key, long fallback) {
    return context.setting(key).map(v -> {
      try {
        long n = Long.parseLong(v.trim());
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
      throw new IllegalArgumentException("setting " + key + " must be a positive integer, got '" + v + "'");
    }).orElse(fallback);
  }
}
