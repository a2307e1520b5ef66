package dev.bulwark.model.scan.bom;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Location;
import dev.bulwark.model.scan.ModelArtifactAnalyzer;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The AI-BOM part of the inventory: model files (format by content, SHA-256 streamed, size, framework,
 * tensor and parameter counts from headers) and Hugging Face model folders ({@code config.json} plus the
 * model card's front matter), with {@code pkg:huggingface} purls when the repository id is known.
 */
public final class ModelCataloger implements Cataloger {
  public static final String FORMAT = "bulwark:model:format";
  public static final String FRAMEWORK = "bulwark:model:framework";
  public static final String PARAMETERS = "bulwark:model:parameters";
  public static final String TENSORS = "bulwark:model:tensors";
  public static final String SIZE = "bulwark:model:size";
  public static final String CARD = "bulwark:modelCard:";
  private final ModelArtifactAnalyzer sniff = new ModelArtifactAnalyzer();

  @Override
  public String id() {
    return "model/ai-bom";
  }

  @Override
  public boolean claims(ScanFile file) {
    return HuggingFaceFolder.claims(file) || sniff.accepts(file);
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    if (HuggingFaceFolder.claims(file)) {
      return HuggingFaceFolder.catalog(file, context);
    }
    Optional<ModelFacts> facts = ModelFormatDetector.detect(file, context.limits().maxFileBytes());
    if (facts.isEmpty()) {
      return List.of();
    }
    ModelFacts m = facts.get();
    Component.Builder b = Component.builder(ComponentType.MACHINE_LEARNING_MODEL, file.name())
        .ref("machine-learning-model:" + file.path())
        .location(Location.of(file.path()))
        .hash("SHA-256", sha256(file))
        .property(SIZE, String.valueOf(file.size()))
        .property(FORMAT, m.format())
        .property(FRAMEWORK, m.framework());
    if (m.parameters() >= 0) b.property(PARAMETERS, String.valueOf(m.parameters()));
    if (m.tensors() >= 0) b.property(TENSORS, String.valueOf(m.tensors()));
    m.extra().forEach(b::property);
    Object license = m.extra().get("bulwark:gguf:license");
    if (license != null) b.license(license.toString());
    return List.of(b.build());
  }

  static String sha256(ScanFile f) throws IOException {
    try (InputStream in = f.open()) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 20];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
