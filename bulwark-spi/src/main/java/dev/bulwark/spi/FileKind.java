package dev.bulwark.spi;

/**
 * Content types Bulwark recognises by magic bytes. Dispatch uses these together with names, never the
 * extension alone: a pickle called {@code weights.bin} is a pickle, a zip called {@code model.pt} is a zip.
 */
public enum FileKind {
  ZIP, GZIP, BZIP2, XZ, ZSTD, LZ4, SEVEN_Z, TAR,
  PICKLE, NUMPY, SAFETENSORS, GGUF, HDF5, PROTOBUF_UNKNOWN,
  ELF, MACH_O, PE, SQLITE, PARQUET, ARROW, PDF, IMAGE,
  TEXT, BINARY, EMPTY;

  public boolean isCompressedStream() {
    return this == GZIP || this == BZIP2 || this == XZ || this == ZSTD || this == LZ4;
  }

  public boolean isArchive() {
    return this == ZIP || this == TAR || this == SEVEN_Z;
  }
}
