package dev.bulwark.model.scan.bom;

import static dev.bulwark.model.scan.bom.ModelCataloger.CARD;
import static dev.bulwark.model.scan.bom.ModelCataloger.FORMAT;
import static dev.bulwark.model.scan.bom.ModelCataloger.FRAMEWORK;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Location;
import dev.bulwark.model.scan.format.Json;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Hugging Face model folder as one component. The folder is found by the first of: {@code config.json}
 * (transformers: {@code model_type}/{@code architectures}), {@code adapter_config.json} (PEFT:
 * {@code peft_type}/{@code base_model_name_or_path}), {@code model_index.json} (a diffusers pipeline:
 * {@code _class_name}/{@code _diffusers_version}) or, for folders with none (GGUF quantisation
 * repositories), a {@code README.md} whose front matter describes a model.
 */
final class HuggingFaceFolder {
  static final String CONFIG = "config.json";
  static final String ADAPTER = "adapter_config.json";
  static final String PIPELINE = "model_index.json";
  static final String README = "README.md";
  private static final long MAX_JSON = 8L << 20;
  private static final int MAX_CARD = 1 << 20;

  private HuggingFaceFolder() {}

  static boolean claims(ScanFile file) {
    if (file.kind() != FileKind.TEXT) return false;
    String h = new String(file.head(), StandardCharsets.UTF_8);
    return switch (file.name()) {
      case CONFIG -> h.contains("\"model_type\"") || h.contains("\"architectures\"");
      case ADAPTER -> h.contains("\"peft_type\"") || h.contains("\"base_model_name_or_path\"");
      case PIPELINE -> h.contains("\"_class_name\"") && h.contains("\"_diffusers_version\"");
      case README -> h.startsWith("---") || h.startsWith("\uFEFF---");
      default -> false;
    };
  }

  static List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    JsonNode root;
    switch (file.name()) {
      case CONFIG -> {
        root = json(file);
        if (root == null || !(root.has("model_type") || root.has("architectures"))) return List.of();
      }
      case ADAPTER -> {
        if (context.tree().sibling(file, CONFIG).filter(HuggingFaceFolder::claims).isPresent()) return List.of();
        root = json(file);
        if (root == null || !(root.has("peft_type") || root.has("base_model_name_or_path"))) return List.of();
      }
      case PIPELINE -> {
        if (context.tree().sibling(file, CONFIG).filter(HuggingFaceFolder::claims).isPresent()) return List.of();
        root = json(file);
        if (root == null || !root.path("_class_name").isTextual()) return List.of();
      }
      case README -> {
        if (context.tree().sibling(file, CONFIG).filter(HuggingFaceFolder::claims).isPresent()
            || context.tree().sibling(file, ADAPTER).filter(HuggingFaceFolder::claims).isPresent()
            || context.tree().sibling(file, PIPELINE).filter(HuggingFaceFolder::claims).isPresent()) {
          return List.of();
        }
        root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      }
      default -> {
        return List.of();
      }
    }
    ModelCard card = card(file, context);
    if (file.name().equals(README) && !card.describesModel()) return List.of();
    return folder(file, root, card, context);
  }

  private static JsonNode json(ScanFile file) throws IOException {
    try {
      JsonNode root = Json.parse(file.readAllBytes(MAX_JSON));
      return root.isObject() ? root : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static ModelCard card(ScanFile beside, ScanContext context) {
    return (beside.name().equals(README) ? java.util.Optional.of(beside) : context.tree().sibling(beside, README))
        .map(r -> {
          if (r.size() >= MAX_CARD) {
            return ModelCard.unreadable("model card of " + r.size() + " bytes, more than " + MAX_CARD + "; not read");
          }
          try {
            return ModelCard.parse(r.readString(MAX_CARD));
          } catch (IOException e) {
            return ModelCard.unreadable("model card unreadable: " + e.getMessage());
          }
        }).orElse(new ModelCard(Map.of()));
  }

  private static List<Component> folder(ScanFile file, JsonNode root, ModelCard card, ScanContext context) {
    String folder = file.parent();
    String adapterBase = root.path("base_model_name_or_path").asText("");
    if (file.name().equals(CONFIG)) {
      // a merged or full fine-tune saved with its PEFT adapter config beside it: the adapter names the base
      JsonNode adapter = context.tree().sibling(file, ADAPTER).filter(HuggingFaceFolder::claims).map(a -> {
        try {
          return json(a);
        } catch (IOException e) {
          return null;
        }
      }).orElse(null);
      if (adapter != null) {
        adapterBase = adapter.path("base_model_name_or_path").asText("");
      }
    }
    Set<String> bases = new LinkedHashSet<>(card.get("base_model").stream().map(HfRepoId::fromUrl).toList());
    if (HfRepoId.parse(adapterBase) != null) bases.add(adapterBase);
    List<String> baseIds = bases.stream().map(HfRepoId::parse).filter(Objects::nonNull).toList();
    String nameOrPath = root.path("_name_or_path").asText("");
    java.util.Optional<HfRepoId.Located> cached = HfRepoId.fromCachePath(folder);
    String repoId = cached.map(HfRepoId.Located::id)
        .or(() -> HfRepoId.fromNameOrPath(nameOrPath, baseIds, HfRepoId.folderName(folder, context.root())))
        .orElse(null);
    String revision = cached.map(HfRepoId.Located::revision).orElse(null);
    String name = repoId != null ? repoId : folder.isEmpty() ? "model" : folder.substring(folder.lastIndexOf('/') + 1);
    Component.Builder b = Component.builder(ComponentType.MACHINE_LEARNING_MODEL, name)
        .location(Location.of(file.path()))
        .property(FORMAT, "huggingface")
        .property(FRAMEWORK, framework(file, root, card))
        .property("bulwark:model:modelType", root.path("model_type").asText(null))
        .property("bulwark:model:peftType", root.path("peft_type").asText(null));
    if (repoId != null) {
      b.version(revision).purl(HfPurl.of(repoId) + (revision != null ? "@" + revision : ""));
    } else {
      b.ref("machine-learning-model:" + (folder.isEmpty() ? "." : folder) + "/");
    }
    if (repoId == null && HfRepoId.parse(nameOrPath) != null) {
      b.property("bulwark:model:nameOrPath", nameOrPath);
    }
    List<String> arch = new ArrayList<>();
    root.path("architectures").forEach(a -> arch.add(a.asText()));
    if (file.name().equals(PIPELINE)) {
      // a diffusers pipeline: its class is the architecture; each part ("unet": ["diffusers",
      // "UNet2DConditionModel"]) lives in a sub-folder that is catalogued on its own
      arch.add(root.path("_class_name").asText());
      List<String> parts = new ArrayList<>();
      root.fields().forEachRemaining(e -> {
        if (!e.getKey().startsWith("_") && e.getValue().isArray() && e.getValue().size() == 2 && e.getValue().get(1).isTextual()
            && parts.size() < 50) {
          parts.add(e.getKey() + "=" + e.getValue().get(1).asText());
        }
      });
      if (!parts.isEmpty()) b.property("bulwark:model:pipelineComponents", String.join(",", parts));
    }
    if (!arch.isEmpty()) b.property("bulwark:model:architectures", String.join(",", arch));
    card.fields().forEach((k, v) -> {
      if (!k.equals("datasets")) b.property(CARD + k, String.join(",", v));
    });
    card.spdxLicenses().forEach(b::license);
    b.property("bulwark:model:cardProblem", card.problem());
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
    String selfRef = b.build().ref();
    for (String base : bases) {
      String baseId = HfRepoId.parse(base);
      Component baseModel = Component.builder(ComponentType.MACHINE_LEARNING_MODEL, baseId != null ? baseId : base)
          .purl(baseId != null ? HfPurl.of(baseId) : null)
          .ref(baseId != null ? null : "machine-learning-model:hf:" + base)
          .property("bulwark:model:relation", "base_model")
          .build();
      if (!selfRef.equals(baseModel.ref())) {
        b.dependsOn(baseModel.ref());
        out.add(baseModel);
      }
    }
    out.add(0, b.build());
    return out;
  }

  private static String framework(ScanFile file, JsonNode root, ModelCard card) {
    if (file.name().equals(ADAPTER)) return "peft";
    if (file.name().equals(PIPELINE)) return "diffusers";
    if (root.has("transformers_version") || root.has("architectures")) return "transformers";
    return card.get("library_name").stream().findFirst().orElse("huggingface");
  }

  /** A {@code data} component for a dataset named in the card; null when the name is unusable. */
  static Component dataset(String name) {
    String id = HfRepoId.fromUrl(name);
    if (id.isEmpty() || id.length() > 200 || id.contains(",") || id.chars().anyMatch(Character::isISOControl)) {
      return null;
    }
    return Component.builder(ComponentType.DATA, id)
        .ref("data:huggingface:" + id)
        .property("bulwark:model:relation", "training_data")
        .build();
  }
}
