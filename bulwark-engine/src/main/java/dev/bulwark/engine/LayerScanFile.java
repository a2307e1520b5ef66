package dev.bulwark.engine;

import dev.bulwark.spi.AbstractScanFile;
import dev.bulwark.spi.ChannelSliceInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A file of a container image's merged filesystem, read in place from its layer (an uncompressed tar in
 * the sandbox) at the entry's data offset: the image is never extracted to a folder.
 */
final class LayerScanFile extends AbstractScanFile {
  private final String path;
  private final Path layerTar;
  private final long dataOffset;
  private final long size;
  private final String layerDigest;

  LayerScanFile(String path, Path layerTar, long dataOffset, long size, String layerDigest) {
    this.path = path;
    this.layerTar = layerTar;
    this.dataOffset = dataOffset;
    this.size = size;
    this.layerDigest = layerDigest;
  }

  String layerDigest() {
    return layerDigest;
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
    return new ChannelSliceInputStream(FileChannel.open(layerTar, StandardOpenOption.READ), dataOffset, size);
  }

  @Override
  public Optional<Path> localPath() {
    return Optional.empty();
  }
}
