package dev.bulwark.engine;

import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanFile;
import java.util.Locale;

/**
 * Which files the engine opens as archives: the name must say archive AND the magic bytes must agree.
 * Zip-magic files with other names (model.pt, .keras, .bin) stay whole for the analyzers that know them.
 */
final class ArchiveNames {

  enum Format { ZIP, TAR, TAR_GZ, TAR_BZ2, TAR_XZ }

  private ArchiveNames() {}

  /**
   * The archive format when both the name and the magic bytes say archive; null otherwise. The name is
   * checked first so that ordinary files are never opened here.
   */
  static Format formatOf(ScanFile file) {
    String n = file.name().toLowerCase(Locale.ROOT);
    Format byName = byName(n);
    if (byName == null) {
      return null;
    }
    FileKind kind = file.kind();
    return switch (byName) {
      case ZIP -> kind == FileKind.ZIP ? Format.ZIP : null;
      case TAR -> kind == FileKind.TAR ? Format.TAR : null;
      case TAR_GZ -> kind == FileKind.GZIP ? Format.TAR_GZ : null;
      case TAR_BZ2 -> kind == FileKind.BZIP2 ? Format.TAR_BZ2 : null;
      case TAR_XZ -> kind == FileKind.XZ ? Format.TAR_XZ : null;
    };
  }

  private static Format byName(String n) {
    if (n.endsWith(".zip") || n.endsWith(".jar") || n.endsWith(".war") || n.endsWith(".ear") || n.endsWith(".whl")
        || n.endsWith(".egg") || n.endsWith(".nupkg") || n.endsWith(".aar") || n.endsWith(".hpi") || n.endsWith(".sar")
        || n.endsWith(".par")) {
      return Format.ZIP;
    }
    if (n.endsWith(".tar") || n.endsWith(".oci")) {
      return Format.TAR;
    }
    if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
      return Format.TAR_GZ;
    }
    if (n.endsWith(".tar.bz2") || n.endsWith(".tbz2") || n.endsWith(".tbz")) {
      return Format.TAR_BZ2;
    }
    if (n.endsWith(".tar.xz") || n.endsWith(".txz")) {
      return Format.TAR_XZ;
    }
    return null;
  }
}
