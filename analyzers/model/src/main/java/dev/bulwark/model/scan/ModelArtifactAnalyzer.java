package dev.bulwark.model.scan;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Scanner;
import dev.bulwark.model.scan.ModelKind.Kind;
import dev.bulwark.model.scan.pickle.CallablePolicy;
import dev.bulwark.model.scan.pickle.PickleLimits;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Finds code execution and tampering in model files of every format, recognised by content. Zip and tar
 * files with archive names are expanded by the engine and their members arrive on their own, so this
 * analyzer leaves those archives alone to avoid reporting twice.
 */
public final class ModelArtifactAnalyzer implements FileAnalyzer {
  /** Setting: comma list of opt-in allowlist packs ({@code sklearn,xgboost,lightgbm,transformers}). */
  public static final String ALLOW_SETTING = "model.allow";
  private static final List<String> ENGINE_ARCHIVES = List.of(".zip", ".jar", ".war", ".ear", ".whl", ".egg",
      ".nupkg", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz");

  @Override
  public String id() {
    return "model/artifact";
  }

  @Override
  public Scanner scanner() {
    return Scanner.MODEL;
  }

  @Override
  public boolean accepts(ScanFile file) {
    if (file.size() == 0) {
      return false;
    }
    return switch (file.kind()) {
      case PICKLE, NUMPY, SAFETENSORS, GGUF, HDF5, SEVEN_Z -> true;
      case ZIP, TAR, GZIP, BZIP2, XZ -> !engineExpands(file.name());
      case LZ4 -> true;
      case TEXT, BINARY -> {
        Kind k = ModelKind.of(file.head(), file.path());
        yield k == Kind.PICKLE || k == Kind.ZLIB || k == Kind.LZMA || k == Kind.ONNX || k == Kind.SAVED_MODEL
            || k == Kind.KERAS_METADATA
            || (file.kind() == dev.bulwark.spi.FileKind.BINARY && zipAtEnd(file));
      }
      default -> false;
    };
  }

  /** A zip with other data in front of it: its end record sits at the end of the file. */
  static boolean zipAtEnd(ScanFile file) {
    long size = file.size();
    if (size < 22) {
      return false;
    }
    int tail = (int) Math.min(size, 4096);
    try (InputStream in = file.open()) {
      in.skipNBytes(size - tail);
      byte[] t = in.readNBytes(tail);
      for (int i = t.length - 22; i >= 0; i--) {
        if (t[i] == 'P' && t[i + 1] == 'K' && t[i + 2] == 5 && t[i + 3] == 6
            && i + 22 + ((t[i + 20] & 0xFF) | (t[i + 21] & 0xFF) << 8) == t.length) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean engineExpands(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return ENGINE_ARCHIVES.stream().anyMatch(n::endsWith);
  }

  public static ScanSession session(ScanContext context) {
    CallablePolicy policy = CallablePolicy.fromSetting(context.setting(ALLOW_SETTING).orElse(""));
    return new ScanSession(policy, PickleLimits.DEFAULT, context.limits());
  }

  @Override
  public List<Finding> analyze(ScanFile file, ScanContext context) throws IOException {
    ScanSession s = session(context);
    Kind kind = ModelKind.of(file.head(), file.path());
    ContainerScanner containers = new ContainerScanner(s);
    try {
      scan(file, kind, s, containers);
    } catch (DecompressionLimitException e) {
      s.limit(file.path(), e.getMessage());
    }
    return List.copyOf(s.findings());
  }

  private static void scan(ScanFile file, Kind kind, ScanSession s, ContainerScanner containers) throws IOException {
    switch (kind) {
      case SAFETENSORS -> ModelFormatAnalyzers.safetensors(file, s);
      case GGUF -> ModelFormatAnalyzers.gguf(file, s);
      case HDF5 -> ModelFormatAnalyzers.hdf5(file, s);
      case ONNX -> ModelFormatAnalyzers.onnx(file, s);
      case SAVED_MODEL -> ModelFormatAnalyzers.savedModel(file, s);
      case KERAS_METADATA -> ModelFormatAnalyzers.kerasMetadata(file, s);
      case ZIP, SEVEN_Z -> {
        try (SeekableByteChannel ch = channel(file, s)) {
          if (kind == Kind.ZIP) {
            containers.zip(file.path(), ch, 1);
          } else {
            containers.sevenZ(file.path(), ch, 1);
          }
        }
      }
      case PICKLE -> {
        try (InputStream in = file.open()) {
          s.pickle(file.path(), in, !ContainerScanner.namedLikeModel(file.name()), 0);
        }
        polyglotZip(file, s, containers);
      }
      default -> {
        if (kind == Kind.OTHER && zipAtEnd(file)) {
          try (SeekableByteChannel ch = channel(file, s)) {
            containers.zip(file.path(), ch, 1);
          }
        } else {
          try (InputStream in = file.open()) {
            containers.route(file.path(), in, file.size(), 0, !ContainerScanner.namedLikeModel(file.name()));
          }
        }
      }
    }
  }

  /** A pickle with a zip appended is both: PyTorch may load either half depending on the version. */
  private static void polyglotZip(ScanFile file, ScanSession s, ContainerScanner containers) throws IOException {
    if (file.localPath().isEmpty() || file.size() < 22) {
      return;
    }
    try (FileChannel ch = FileChannel.open(file.localPath().get(), StandardOpenOption.READ)) {
      int tail = (int) Math.min(ch.size(), 65_557);
      ByteBuffer b = ByteBuffer.allocate(tail);
      ch.read(b, ch.size() - tail);
      byte[] t = b.array();
      for (int i = tail - 22; i >= 0; i--) {
        if (t[i] == 'P' && t[i + 1] == 'K' && t[i + 2] == 5 && t[i + 3] == 6
            && i + 22 + ((t[i + 20] & 0xFF) | (t[i + 21] & 0xFF) << 8) == tail) {
          containers.zip(file.path(), ch, 1);
          return;
        }
      }
    }
  }

  private static SeekableByteChannel channel(ScanFile file, ScanSession s) throws IOException {
    if (file.localPath().isPresent()) {
      return FileChannel.open(file.localPath().get(), StandardOpenOption.READ);
    }
    return new SeekableInMemoryByteChannel(file.readAllBytes(s.limits().maxFileBytes()));
  }
}
