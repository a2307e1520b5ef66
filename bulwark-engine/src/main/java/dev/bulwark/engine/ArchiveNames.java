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

  static Format formatOf(ScanFile file) {
    String n = file.name().toLowerCase(Locale.ROOT);
    FileKind kind = file.kind();
    if (kind == FileKind.ZIP && (n.endsWith(".zip") || n.endsWith(".jar") || n.endsWith(".war") || n.endsWith(".ear")
        || n.endsWith(".whl") || n.endsWith(".egg") || n.endsWith(".nupkg") || n.endsWith(".aar")
        || n.endsWith(".hpi") || n.endsWith(".sar") || n.endsWith(".par"))) {
      return Format.ZIP;
    }
    if (kind == FileKind.TAR && (n.endsWith(".tar") || n.equals("layer.tar") || n.endsWith(".oci"))) {
      return Format.TAR;
    }
    if (kind == FileKind.GZIP && (n.endsWith(".tar.gz") || n.endsWith(".tgz"))) {
      return Format.TAR_GZ;
    }
    if (kind == FileKind.BZIP2 && (n.endsWith(".tar.bz2") || n.endsWith(".tbz2") || n.endsWith(".tbz"))) {
      return Format.TAR_BZ2;
    }
    if (kind == FileKind.XZ && (n.endsWith(".tar.xz") || n.endsWith(".txz"))) {
      return Format.TAR_XZ;
    }
    return null;
  }
}
