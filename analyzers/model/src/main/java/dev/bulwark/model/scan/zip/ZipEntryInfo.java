package dev.bulwark.model.scan.zip;

/**
 * One member as the central directory (or, failing that, the local header) describes it. Offsets are
 * absolute positions in the file, already corrected for data in front of the archive.
 */
public record ZipEntryInfo(String name, String localName, int method, int flags, long compressedSize,
    long size, long crc, long localHeaderOffset, long dataOffset) {

  public boolean isDirectory() {
    return name.endsWith("/");
  }

  public boolean isEncrypted() {
    return (flags & 1) != 0;
  }
}
