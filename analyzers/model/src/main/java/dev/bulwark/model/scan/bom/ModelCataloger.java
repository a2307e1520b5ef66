package dev.bulwark.model.scan.bom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Location;
import dev.bulwark.model.scan.ModelArtifactAnalyzer;
import dev.bulwark.model.scan.format.Json;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
  private static final long MAX_JSON = 8L << 20;
  private final ModelArtifactAnalyzer sniff = new ModelArtifactAnalyzer();

  @Override
  public String id() {
    return "model/ai-bom";
  }

  @Override
  public boolean claims(ScanFile file) {
    if (file.kind() == FileKind.TEXT && file.name().equals("config.json")) {
      return looksLikeHfConfig(file.head());
    }
    return sniff.accepts(file);
  }

  private static boolean looksLikeHfConfig(byte[] head) {
    String h = new String(head, java.nio.charset.StandardCharsets.UTF_8);
    return h.contains("\"model_type\"") || h.contains("\"architectures\"");
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    if (file.kind() == FileKind.TEXT && file.name().equals("config.json")) {
      return huggingFace(file, context);
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

  private List<Component> huggingFace(ScanFile config, ScanContext context) throws IOException {
    JsonNode root;
    try {
      root = Json.parse(config.readAllBytes(MAX_JSON));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return List.of();
    }
    if (!root.isObject() || !(root.has("model_type") || root.has("architectures"))) {
      return List.of();
    }
    String folder = config.parent();
    ModelCard card = context.tree().sibling(config, "README.md")
        .filter(r -> r.size() < (1 << 20))
        .map(r -> {
          try {
            return ModelCard.parse(r.readString(1 << 20));
          } catch (IOException e) {
            return new ModelCard(Map.of());
          }
        }).orElse(new ModelCard(Map.of()));
    List<String> bases = card.get("base_model").stream().map(HfRepoId::parse).filter(java.util.Objects::nonNull).toList();
    String nameOrPath = root.path("_name_or_path").asText("");
    String repoId = HfRepoId.fromNameOrPath(nameOrPath, bases, HfRepoId.folderName(folder, context.root()))
        .orElse(null);
    String name = repoId != null ? repoId : folder.isEmpty() ? "model" : folder.substring(folder.lastIndexOf('/') + 1);
    Component.Builder b = Component.builder(ComponentType.MACHINE_LEARNING_MODEL, name)
        .location(Location.of(config.path()))
        .property(FORMAT, "huggingface")
        .property(FRAMEWORK, root.has("transformers_version") || root.has("architectures") ? "transformers" : "huggingface")
        .property("bulwark:model:modelType", root.path("model_type").asText(null));
    if (repoId != null) {
      b.purl(HfPurl.of(repoId));
    } else {
      b.ref("machine-learning-model:" + (folder.isEmpty() ? "." : folder) + "/");
    }
    if (repoId == null && HfRepoId.parse(nameOrPath) != null) {
      b.property("bulwark:model:nameOrPath", nameOrPath);
    }
    List<String> arch = new ArrayList<>();
    root.path("architectures").forEach(a -> arch.add(a.asText()));
    if (!arch.isEmpty()) b.property("bulwark:model:architectures", String.join(",", arch));
    card.fields().forEach((k, v) -> {
      if (!k.equals("datasets")) b.property(CARD + k, String.join(",", v));
    });
    card.spdxLicenses().forEach(b::license);
    // CycloneDX modelParameters: the task is the card's pipeline_tag, family and architecture come from config.json
    card.get("pipeline_tag").stream().findFirst().ifPresent(t -> b.property(CARD + "task", t));
    b.property(CARD + "architectureFamily", root.path("model_type").asText(null));
    if (!arch.isEmpty()) b.property(CARD + "modelArchitecture", arch.get(0));
    List<Component> out = new ArrayList<>();
    List<String> datasetRefs = new ArrayList<>();
    for (String dataset : card.get("datasets")) {
      Component data = dataset(dataset);
      if (data != null && !datasetRefs.contains(data.ref())) {
        datasetRefs.add(data.ref());
        out.add(data);
      }
    }
    // modelCard.modelParameters.datasets[].ref must name components of this BOM, not the card's free text
    b.property(CARD + "datasets", datasetRefs.isEmpty() ? null : String.join(",", datasetRefs));
    for (String base : card.get("base_model")) {
      String baseId = HfRepoId.parse(base);
      Component baseModel = Component.builder(ComponentType.MACHINE_LEARNING_MODEL, baseId != null ? baseId : base)
          .purl(baseId != null ? HfPurl.of(baseId) : null)
          .ref(baseId != null ? null : "machine-learning-model:hf:" + base)
          .property("bulwark:model:relation", "base_model")
          .build();
      b.dependsOn(baseModel.ref());
      out.add(baseModel);
    }
    out.add(0, b.build());
    return out;
  }

  /** A {@code data} component for a dataset named in the card; null when the name is unusable. */
  static Component dataset(String name) {
    String id = name.strip();
    if (id.isEmpty() || id.length() > 200 || id.contains(",") || id.chars().anyMatch(Character::isISOControl)) {
      return null;
    }
    return Component.builder(ComponentType.DATA, id)
        .ref("data:huggingface:" + id)
        .property("bulwark:model:relation", "training_data")
        .build();
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
