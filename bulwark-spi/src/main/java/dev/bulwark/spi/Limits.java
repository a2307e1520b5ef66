package dev.bulwark.spi;

/**
 * Bounds on what a scan reads, so that hostile input cannot exhaust memory, disk or time.
 *
 * @param maxFileBytes largest single file an analyzer reads whole (streaming analyzers may go further)
 * @param maxArchiveDepth how many archives deep the engine opens (a zip in a zip is depth 2)
 * @param maxArchiveEntries entries read from one archive
 * @param maxExtractedBytes bytes extracted from all archives of one scan
 * @param maxCompressionRatio uncompressed / compressed size above which an entry is treated as a bomb
 * @param maxFiles files in the target
 */
public record Limits(long maxFileBytes, int maxArchiveDepth, int maxArchiveEntries, long maxExtractedBytes,
    double maxCompressionRatio, int maxFiles) {

  public static final Limits DEFAULT = new Limits(256L << 20, 4, 100_000, 8L << 30, 200.0, 2_000_000);

  public Limits {
    if (maxFileBytes <= 0) throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
    if (maxArchiveDepth < 0) throw new IllegalArgumentException("maxArchiveDepth must be >= 0: " + maxArchiveDepth);
    if (maxArchiveEntries <= 0) throw new IllegalArgumentException("maxArchiveEntries must be positive: " + maxArchiveEntries);
    if (maxExtractedBytes <= 0) throw new IllegalArgumentException("maxExtractedBytes must be positive: " + maxExtractedBytes);
    if (maxCompressionRatio <= 1) throw new IllegalArgumentException("maxCompressionRatio must be > 1: " + maxCompressionRatio);
    if (maxFiles <= 0) throw new IllegalArgumentException("maxFiles must be positive: " + maxFiles);
  }
}
