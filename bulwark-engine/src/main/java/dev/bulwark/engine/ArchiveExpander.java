package dev.bulwark.engine;

import dev.bulwark.model.Finding;
import dev.bulwark.spi.PathScanFile;
import dev.bulwark.spi.ScanFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Extracts one archive's regular files into the sandbox under fresh numbered names, within the limits.
 * Entry names are only ever used for the members' logical paths ({@code outer!inner}), never on disk.
 * Hostile entries (traversal, links, bombs, too many entries) become findings, never exceptions.
 */
final class ArchiveExpander {
  /** Entries smaller than this are never called bombs, whatever their ratio: a kilobyte of zeros is fine. */
  private static final long RATIO_FLOOR_BYTES = 4L << 20;

  private final Sandbox sandbox;
  private final ExpansionBudget budget;

  ArchiveExpander(Sandbox sandbox, ExpansionBudget budget) {
    this.sandbox = sandbox;
    this.budget = budget;
  }

  record Expansion(List<ScanFile> members, List<Finding> findings) {}

  Expansion expand(ScanFile archive, ArchiveNames.Format format) {
    List<ScanFile> members = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Path local = archive.localPath().orElse(null);
    try {
      if (format == ArchiveNames.Format.ZIP) {
        if (local == null) {
          local = sandbox.newFile();
          try (InputStream in = archive.open()) {
            Files.copy(in, local);
          }
        }
        expandZip(archive, local, members, findings);
      } else {
        expandTar(archive, format, members, findings);
      }
    } catch (IOException | RuntimeException e) {
      findings.add(EngineRules.UNREADABLE_FILE.at(archive.path(), "cannot read archive: " + describe(e)));
    }
    return new Expansion(members, findings);
  }

  private void expandZip(ScanFile archive, Path local, List<ScanFile> members, List<Finding> findings)
      throws IOException {
    int entries = 0;
    try (ZipFile zip = ZipFile.builder().setPath(local).setIgnoreLocalFileHeader(false).get()) {
      Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder();
      while (all.hasMoreElements()) {
        ZipArchiveEntry entry = all.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        if (++entries > budget.limits().maxArchiveEntries()) {
          findings.add(EngineRules.ARCHIVE_ENTRY_LIMIT.at(archive.path(),
              "more than " + budget.limits().maxArchiveEntries() + " entries; the rest were not scanned"));
          return;
        }
        String name = entry.getName();
        if (entry.isUnixSymlink()) {
          findings.add(EngineRules.ARCHIVE_LINK.at(archive.path() + "!" + safeName(name), "symbolic link entry not followed"));
          continue;
        }
        String safe = checkName(archive, name, findings);
        if (safe == null) {
          continue;
        }
        if (!zip.canReadEntryData(entry)) {
          findings.add(EngineRules.UNREADABLE_FILE.at(archive.path() + "!" + safe,
              "entry uses an unsupported compression method or encryption"));
          continue;
        }
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long allowed = Math.max(RATIO_FLOOR_BYTES, (long) (compressed * budget.limits().maxCompressionRatio()));
        try (InputStream in = zip.getInputStream(entry)) {
          if (!extract(archive, safe, in, allowed, members, findings)) {
            return;
          }
        } catch (IOException e) {
          findings.add(EngineRules.UNREADABLE_FILE.at(archive.path() + "!" + safe, "cannot read entry: " + describe(e)));
        }
      }
    }
  }

  private void expandTar(ScanFile archive, ArchiveNames.Format format, List<ScanFile> members, List<Finding> findings)
      throws IOException {
    // A tar entry never yields more than its declared size, so the ratio check uses declared sizes against
    // the compressed file's size: the whole stream may expand at most maxCompressionRatio times.
    long streamAllowance = format == ArchiveNames.Format.TAR ? Long.MAX_VALUE
        : Math.max(RATIO_FLOOR_BYTES, (long) (archive.size() * budget.limits().maxCompressionRatio()));
    try (InputStream raw = new BufferedInputStream(archive.open(), 1 << 16);
        InputStream decompressed = decompressor(format, raw);
        TarArchiveInputStream tar = new TarArchiveInputStream(decompressed)) {
      int entries = 0;
      long declared = 0;
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        if (++entries > budget.limits().maxArchiveEntries()) {
          findings.add(EngineRules.ARCHIVE_ENTRY_LIMIT.at(archive.path(),
              "more than " + budget.limits().maxArchiveEntries() + " entries; the rest were not scanned"));
          return;
        }
        String name = entry.getName();
        if (entry.isSymbolicLink() || entry.isLink()) {
          // Links are never created on disk; image layers resolve them logically in the image reader.
          continue;
        }
        if (!entry.isFile()) {
          continue;
        }
        String safe = checkName(archive, name, findings);
        if (safe == null) {
          continue;
        }
        declared += Math.max(entry.getSize(), 0);
        if (declared > streamAllowance) {
          findings.add(EngineRules.ARCHIVE_BOMB.at(archive.path() + "!" + safe, "entries declare " + declared
              + " bytes, more than " + budget.limits().maxCompressionRatio() + "x the archive's " + archive.size()
              + " bytes; extraction stopped"));
          return;
        }
        if (!extract(archive, safe, tar, Long.MAX_VALUE, members, findings)) {
          return;
        }
      }
    }
  }

  private static InputStream decompressor(ArchiveNames.Format format, InputStream raw) throws IOException {
    return switch (format) {
      case TAR -> raw;
      case TAR_GZ -> GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
      case TAR_BZ2 -> new BZip2CompressorInputStream(raw, true);
      case TAR_XZ -> new XZCompressorInputStream(raw, true, 256 * 1024);
      case ZIP -> throw new IllegalArgumentException("zip is not a tar stream");
    };
  }

  /**
   * Copies one entry to a fresh sandbox file, stopping at {@code allowed} bytes (bomb) or the scan-wide
   * budget. Returns false when the whole archive must stop.
   */
  private boolean extract(ScanFile archive, String safe, InputStream in, long allowed, List<ScanFile> members,
      List<Finding> findings) throws IOException {
    String logical = archive.path() + "!" + safe;
    if (!budget.spendFile()) {
      findings.add(EngineRules.FILE_LIMIT.at(archive.path(), "more than " + budget.limits().maxFiles()
          + " files in the target; the rest were not scanned"));
      return false;
    }
    Path out = sandbox.newFile();
    long written = 0;
    byte[] buf = new byte[64 * 1024];
    try (OutputStream os = Files.newOutputStream(out)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        written += n;
        if (written > allowed) {
          os.close();
          Files.deleteIfExists(out);
          findings.add(EngineRules.ARCHIVE_BOMB.at(logical, "expanded past " + allowed
              + " bytes, more than " + budget.limits().maxCompressionRatio() + "x its compressed size; extraction stopped"));
          return false;
        }
        if (!budget.spendBytes(n)) {
          os.close();
          Files.deleteIfExists(out);
          findings.add(EngineRules.ARCHIVE_BOMB.at(logical, "archives of this target expand past "
              + budget.limits().maxExtractedBytes() + " bytes; extraction stopped"));
          return false;
        }
        os.write(buf, 0, n);
      }
    }
    members.add(new PathScanFile(logical, out, written));
    return true;
  }

  /** Returns a normalised entry name, or reports traversal and returns the name with the escape removed. */
  private static String checkName(ScanFile archive, String name, List<Finding> findings) {
    String safe = safeName(name);
    if (safe.isEmpty()) {
      findings.add(EngineRules.UNREADABLE_FILE.at(archive.path(), "entry with an empty name skipped"));
      return null;
    }
    if (escapes(name)) {
      findings.add(EngineRules.ARCHIVE_PATH_TRAVERSAL.at(archive.path() + "!" + safe,
          "entry name '" + printable(name) + "' would be written outside the extraction folder"));
    }
    return safe;
  }

  static boolean escapes(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':' && Character.isLetter(n.charAt(0)))) {
      return true;
    }
    int depth = 0;
    for (String part : n.split("/")) {
      if (part.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else if (!part.isEmpty() && !part.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  /** Entry name with separators unified, drive letters, leading slashes, '.' and '..' segments removed. */
  static String safeName(String name) {
    String n = name.replace('\\', '/');
    if (n.length() > 1 && n.charAt(1) == ':') {
      n = n.substring(2);
    }
    List<String> parts = new ArrayList<>();
    for (String part : n.split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        continue;
      }
      parts.add(printable(part).replace('!', '_'));
    }
    return String.join("/", parts);
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 512));
    for (int i = 0; i < s.length() && b.length() < 512; i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return b.toString();
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + printable(m));
  }
}
