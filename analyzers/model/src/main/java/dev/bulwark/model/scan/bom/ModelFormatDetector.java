package dev.bulwark.model.scan.bom;

import dev.bulwark.model.scan.ModelKind;
import dev.bulwark.model.scan.format.GgufReader;
import dev.bulwark.model.scan.format.OnnxModel;
import dev.bulwark.model.scan.format.Proto;
import dev.bulwark.model.scan.format.SafetensorsHeader;
import dev.bulwark.model.scan.zip.LenientZip;
import dev.bulwark.model.scan.zip.ZipEntryInfo;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/** Detects a model file's format and framework from its content, and reads counts from headers. */
public final class ModelFormatDetector {
  private static final byte[] LEGACY_TORCH_HEAD = {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c,
      0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19};

  private ModelFormatDetector() {}

  /** The facts of a model file, or empty when the content is no model format. */
  public static Optional<ModelFacts> detect(ScanFile f, long maxRead) throws IOException {
    byte[] head = f.head();
    return switch (ModelKind.of(head, f.path())) {
      case SAFETENSORS -> Optional.of(safetensors(f));
      case GGUF -> Optional.of(gguf(f));
      case ONNX -> Optional.of(onnx(f, maxRead));
      case SAVED_MODEL -> Optional.of(ModelFacts.of("tensorflow-savedmodel", "tensorflow"));
      case HDF5 -> Optional.of(ModelFacts.of("hdf5", contains(head, "keras") || contains(head, "model_config") ? "keras" : "hdf5"));
      case NUMPY -> Optional.of(ModelFacts.of("numpy", "numpy"));
      case PICKLE -> Optional.of(pickle(head, f.name()));
      case ZIP -> zip(f);
      case TAR -> Optional.of(ModelFacts.of("pytorch-legacy-tar", "pytorch"));
      case GZIP, BZIP2, XZ, LZ4, ZLIB, LZMA -> f.name().contains(".joblib") || f.name().contains(".pkl")
          ? Optional.of(f.name().contains(".joblib") ? ModelFacts.of("joblib-compressed", "joblib")
              : ModelFacts.of("compressed-pickle", "python"))
          : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static ModelFacts pickle(byte[] head, String name) {
    if (startsWith(head, LEGACY_TORCH_HEAD)) {
      return ModelFacts.of("pytorch-legacy", "pytorch");
    }
    if (contains(head, "joblib.numpy_pickle")) {
      return ModelFacts.of("joblib", contains(head, "sklearn.") ? "scikit-learn" : "joblib");
    }
    String framework = contains(head, "sklearn.") ? "scikit-learn" : contains(head, "torch") ? "pytorch"
        : contains(head, "xgboost") ? "xgboost" : contains(head, "lightgbm") ? "lightgbm"
        : contains(head, "numpy") ? "numpy" : "python";
    return ModelFacts.of("pickle", framework);
  }

  private static Optional<ModelFacts> zip(ScanFile f) throws IOException {
    try (SeekableByteChannel ch = f.localPath().isPresent()
        ? FileChannel.open(f.localPath().get(), StandardOpenOption.READ)
        : new SeekableInMemoryByteChannel(f.readAllBytes(256L << 20))) {
      List<ZipEntryInfo> entries = LenientZip.open(ch, 1_000_000).entries();
      boolean dataPkl = entries.stream().anyMatch(e -> e.name().endsWith("data.pkl"));
      boolean code = entries.stream().anyMatch(e -> e.name().contains("/code/") || e.name().endsWith("constants.pkl"));
      boolean npy = !entries.isEmpty() && entries.stream().allMatch(e -> e.name().endsWith(".npy") || e.isDirectory());
      boolean keras = entries.stream().anyMatch(e -> e.name().equals("config.json"))
          && entries.stream().anyMatch(e -> e.name().equals("metadata.json") || e.name().equals("model.weights.h5"));
      if (code && dataPkl) return Optional.of(ModelFacts.of("torchscript", "pytorch"));
      if (dataPkl) return Optional.of(ModelFacts.of("pytorch-zip", "pytorch"));
      if (keras) return Optional.of(ModelFacts.of("keras", "keras"));
      if (npy) return Optional.of(ModelFacts.of("npz", "numpy"));
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static ModelFacts safetensors(ScanFile f) throws IOException {
    try (InputStream in = f.open()) {
      SafetensorsHeader h = SafetensorsHeader.read(in, f.size());
      String fw = switch (h.metadata().getOrDefault("format", "")) {
        case "pt" -> "pytorch";
        case "tf" -> "tensorflow";
        case "flax" -> "flax";
        case "np" -> "numpy";
        case "mlx" -> "mlx";
        default -> "safetensors";
      };
      Map<String, String> extra = new HashMap<>();
      extra.put("bulwark:model:dtypes", String.join(",", h.dtypes().keySet()));
      return new ModelFacts("safetensors", fw, h.problems().isEmpty() ? h.parameters() : -1, h.tensors(), extra);
    }
  }

  private static ModelFacts gguf(ScanFile f) throws IOException {
    try (InputStream in = f.open()) {
      GgufReader.Info info = GgufReader.read(in, f.size());
      Map<String, String> extra = new HashMap<>();
      for (String k : List.of("general.architecture", "general.name", "general.license", "general.quantization_version",
          "general.file_type", "general.basename", "general.size_label")) {
        Object v = info.metadata().get(k);
        if (v != null) extra.put("bulwark:gguf:" + k.substring(k.indexOf('.') + 1), String.valueOf(v));
      }
      extra.put("bulwark:gguf:version", String.valueOf(info.version()));
      return new ModelFacts("gguf", "llama.cpp", info.problems().isEmpty() ? info.parameters() : -1, info.tensorCount(), extra);
    }
  }

  private static ModelFacts onnx(ScanFile f, long maxRead) throws IOException {
    if (f.size() > maxRead) {
      return ModelFacts.of("onnx", "onnx");
    }
    try {
      OnnxModel m = OnnxModel.parse(f.readAllBytes(maxRead));
      Map<String, String> extra = new HashMap<>();
      extra.put("bulwark:onnx:irVersion", String.valueOf(m.irVersion()));
      extra.put("bulwark:onnx:opsets", String.join(",", m.opsets()));
      if (!m.producer().isEmpty()) extra.put("bulwark:onnx:producer", m.producer());
      return new ModelFacts("onnx", "onnx", m.externalLocations().isEmpty() ? m.parameters() : m.parameters(), -1, extra);
    } catch (Proto.MalformedException e) {
      return ModelFacts.of("onnx", "onnx");
    }
  }

  private static boolean startsWith(byte[] h, byte[] prefix) {
    if (h.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if (h[i] != prefix[i]) return false;
    }
    return true;
  }

  static boolean contains(byte[] h, String ascii) {
    return new String(h, StandardCharsets.ISO_8859_1).contains(ascii);
  }
}
