package dev.bulwark.model.scan.bom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelCatalogerTest {
  private final ModelCataloger cataloger = new ModelCataloger();

  private List<Component> catalogAll(ScanContext ctx) throws IOException {
    List<Component> out = new ArrayList<>();
    for (ScanFile f : ctx.tree().files()) {
      if (cataloger.claims(f)) {
        out.addAll(cataloger.catalog(f, ctx));
      }
    }
    return out;
  }

  @Test
  void everyBenignModelFileGetsFormatFrameworkAndHash() throws Exception {
    ScanContext ctx = Fixtures.context(Fixtures.path("model/benign"));
    Map<String, String> formats = new TreeMap<>();
    for (Component c : catalogAll(ctx)) {
      if (c.ref().startsWith("machine-learning-model:") && !c.ref().endsWith("/")) {
        formats.put(c.locations().get(0).path(), c.properties().get(ModelCataloger.FORMAT) + "/"
            + c.properties().get(ModelCataloger.FRAMEWORK));
        assertThat(c.type()).isEqualTo(ComponentType.MACHINE_LEARNING_MODEL);
        byte[] bytes = Files.readAllBytes(ctx.tree().file(c.locations().get(0).path()).orElseThrow().localPath().orElseThrow());
        assertThat(c.hashes()).containsEntry("SHA-256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(c.properties()).containsEntry(ModelCataloger.SIZE, String.valueOf(bytes.length));
      }
    }
    assertThat(formats).containsAllEntriesOf(Map.ofEntries(
        Map.entry("state_dict_zip.pt", "pytorch-zip/pytorch"),
        Map.entry("pytorch_model", "pytorch-zip/pytorch"),
        Map.entry("state_dict_legacy.pt", "pytorch-legacy/pytorch"),
        Map.entry("module_legacy.pth", "pytorch-legacy/pytorch"),
        Map.entry("scripted_torchscript.pt", "torchscript/pytorch"),
        Map.entry("legacy_tar.pt", "pytorch-legacy-tar/pytorch"),
        Map.entry("model.safetensors", "safetensors/pytorch"),
        Map.entry("tiny.gguf", "gguf/llama.cpp"),
        Map.entry("linear.onnx", "onnx/onnx"),
        Map.entry("model.keras", "keras/keras"),
        Map.entry("keras_model.h5", "hdf5/keras"),
        Map.entry("savedmodel/saved_model.pb", "tensorflow-savedmodel/tensorflow"),
        Map.entry("arrays.npz", "npz/numpy"),
        Map.entry("weights.npy", "numpy/numpy"),
        Map.entry("proto0.pkl", "pickle/python")));
  }

  @Test
  void headersGiveTensorAndParameterCounts() throws IOException {
    ScanContext ctx = Fixtures.context(Fixtures.path("model/benign"));
    Map<String, Component> byPath = new TreeMap<>();
    catalogAll(ctx).forEach(c -> c.locations().forEach(l -> byPath.put(l.path(), c)));
    assertThat(byPath.get("model.safetensors").properties())
        .containsEntry(ModelCataloger.PARAMETERS, "15").containsEntry(ModelCataloger.TENSORS, "2");
    assertThat(byPath.get("tiny.gguf").properties())
        .containsEntry(ModelCataloger.PARAMETERS, "40").containsEntry(ModelCataloger.TENSORS, "2")
        .containsEntry("bulwark:gguf:architecture", "llama");
    assertThat(byPath.get("tiny.gguf").licenses()).containsExactly("apache-2.0");
    assertThat(byPath.get("linear.onnx").properties()).containsEntry(ModelCataloger.PARAMETERS, "6");
  }

  @Test
  void huggingFaceFolderBecomesAComponentWithModelCardAndBaseModelLink() throws IOException {
    ScanContext ctx = Fixtures.context(Fixtures.path("model/benign"));
    List<Component> all = catalogAll(ctx);
    Component hf = all.stream().filter(c -> "pkg:huggingface/acme/tiny-bert".equals(c.purl())).findFirst().orElseThrow();
    assertThat(hf.properties())
        .containsEntry("bulwark:model:architectures", "BertForMaskedLM")
        .containsEntry("bulwark:model:modelType", "bert")
        .containsEntry("bulwark:modelCard:datasets", "data:huggingface:wikipedia,data:huggingface:bookcorpus")
        .containsEntry("bulwark:modelCard:pipeline_tag", "fill-mask")
        .containsEntry("bulwark:modelCard:language", "en")
        .containsEntry("bulwark:modelCard:base_model", "google-bert/bert-base-uncased");
    assertThat(hf.licenses()).containsExactly("Apache-2.0");
    assertThat(hf.dependsOn()).containsExactly("pkg:huggingface/google-bert/bert-base-uncased");
    assertThat(all).anySatisfy(c -> assertThat(c.ref()).isEqualTo("pkg:huggingface/google-bert/bert-base-uncased"));
  }

  @Test
  void nonModelFilesAreNotClaimed() throws IOException {
    ScanContext ctx = Fixtures.context(Fixtures.path("model/benign"));
    ScanFile card = ctx.tree().file("tiny-bert/README.md").orElseThrow();
    assertThat(cataloger.claims(card) ? cataloger.catalog(card, ctx) : List.of()).isEmpty();
    assertThat(cataloger.claims(ctx.tree().file("onnx-external/weights.bin").orElseThrow())).isFalse();
  }

  private List<Component> catalog(String hfCase) throws IOException {
    return catalogAll(Fixtures.context(Fixtures.path("model/hf/" + hfCase)));
  }

  private static Component model(List<Component> all) {
    return all.stream().filter(c -> "huggingface".equals(c.properties().get(ModelCataloger.FORMAT)))
        .findFirst().orElseThrow();
  }

  @Test
  void cardDatasetsBecomeDataComponentsThatTheModelCardReferences() throws IOException {
    List<Component> all = catalog("datasets");
    Component hf = model(all);
    assertThat(hf.properties())
        .containsEntry("bulwark:modelCard:datasets", "data:huggingface:imdb,data:huggingface:acme/reviews")
        .containsEntry("bulwark:modelCard:task", "text-classification")
        .containsEntry("bulwark:modelCard:architectureFamily", "bert")
        .containsEntry("bulwark:modelCard:modelArchitecture", "BertForSequenceClassification");
    List<String> data = all.stream().filter(c -> c.type() == ComponentType.DATA).map(c -> c.ref() + "=" + c.name()).toList();
    assertThat(data).containsExactly("data:huggingface:imdb=imdb", "data:huggingface:acme/reviews=acme/reviews");
  }

  @Test
  void nameOrPathIsThisModelsIdOnlyWhenNothingSaysOtherwise() throws IOException {
    Map<String, String> idByConfig = new TreeMap<>();
    for (Component c : catalog("name-or-path")) {
      if (!c.locations().isEmpty()) {
        idByConfig.put(c.locations().get(0).path(), c.ref() + " " + c.properties().getOrDefault("bulwark:model:nameOrPath", "-"));
      }
    }
    assertThat(idByConfig).containsExactlyInAnyOrderEntriesOf(Map.of(
        // the id is the card's base model: a quantisation saved from it, not the base itself
        "quantized/config.json", "machine-learning-model:quantized/ acme/tiny-base",
        "tiny-gpt/config.json", "pkg:huggingface/acme/tiny-gpt -",
        // a fine-tune whose folder is not named after the id it was loaded from
        "all-tiny/config.json", "machine-learning-model:all-tiny/ acme/tiny-base",
        // a directory the training script wrote into
        "run/tiny-llama/config.json", "machine-learning-model:run/tiny-llama/ outputs/tiny-llama"));
    Component quantized = catalog("name-or-path").stream().filter(c -> c.ref().equals("machine-learning-model:quantized/"))
        .findFirst().orElseThrow();
    assertThat(quantized.dependsOn()).containsExactly("pkg:huggingface/acme/tiny-base");
  }

  @Test
  void peftAdapterFolderLinksItsBaseModel() throws IOException {
    List<Component> all = catalog("adapter");
    Component adapter = model(all);
    assertThat(adapter.ref()).isEqualTo("machine-learning-model:./");
    assertThat(adapter.properties()).containsEntry(ModelCataloger.FRAMEWORK, "peft")
        .containsEntry("bulwark:model:peftType", "LORA").containsEntry("bulwark:modelCard:library_name", "peft");
    assertThat(adapter.licenses()).containsExactly("MIT");
    assertThat(adapter.dependsOn()).containsExactly("pkg:huggingface/acme/tiny-base");
    assertThat(all).filteredOn(c -> c.ref().equals("pkg:huggingface/acme/tiny-base")).hasSize(1);
  }

  @Test
  void ggufRepositoryWithoutConfigKeepsItsModelCard() throws IOException {
    List<Component> all = catalog("gguf-quant");
    Component folder = model(all);
    assertThat(folder.ref()).isEqualTo("machine-learning-model:./");
    assertThat(folder.properties()).containsEntry("bulwark:modelCard:task", "text-generation")
        .containsEntry("bulwark:modelCard:base_model_relation", "quantized");
    assertThat(folder.dependsOn()).containsExactly("pkg:huggingface/acme/tiny-base");
    assertThat(all).anySatisfy(c -> assertThat(c.properties()).containsEntry(ModelCataloger.FORMAT, "gguf"));
    assertThat(catalog("dataset-card")).isEmpty();
  }

  @Test
  void licenceOtherIsNamedByLicenseNameAndHuggingFaceIdsBecomeSpdx() throws IOException {
    assertThat(model(catalog("license-other")).licenses()).containsExactly("LicenseRef-acme-research");
    assertThat(model(catalog("license-other")).properties()).containsEntry("bulwark:modelCard:license_link", "LICENSE");
    assertThat(model(catalog("license-list")).licenses()).containsExactlyInAnyOrder("CC-BY-NC-SA-4.0", "ODbL-1.0", "LicenseRef-llama3.1");
  }

  @Test
  void hubCacheLayoutGivesRepositoryAndCommit() throws IOException {
    Component hf = model(catalog("hub-cache"));
    assertThat(hf.purl()).isEqualTo("pkg:huggingface/acme/tiny-bert@0123456789abcdef0123456789abcdef01234567");
    assertThat(hf.name()).isEqualTo("acme/tiny-bert");
    assertThat(hf.version()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
  }

  @Test
  void aCardThatCannotBeReadSaysWhyOnTheModel() throws IOException {
    String config = "{\"model_type\": \"bert\", \"architectures\": [\"BertModel\"]}";
    StringBuilder laughs = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      laughs.append((char) ('a' + i / 26)).append((char) ('a' + i % 26)).append(": &l").append(i).append(" [")
          .append(i == 1 ? "*a" : "*l" + (i - 1)).append(", ").append(i == 1 ? "*a" : "*l" + (i - 1)).append("]\n");
    }
    laughs.append("license: mit\n---\n# card\n");
    Map<String, String> cases = Map.of(
        "---\nlicense: [mit\npipeline_tag: fill-mask\n---\n", "front matter is not valid YAML",
        "---\nlicense: mit\n\n# no closing line\n", "no closing '---' line",
        "---\n- just\n- a list\n---\n", "not a YAML mapping");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      java.nio.file.Path dir = Files.createTempDirectory("card");
      Files.writeString(dir.resolve("config.json"), config);
      Files.writeString(dir.resolve("README.md"), c.getKey());
      Component hf = model(catalogAll(Fixtures.context(dir)));
      assertThat(hf.properties().get("bulwark:model:cardProblem")).as(c.getKey()).contains(c.getValue());
      assertThat(hf.licenses()).isEmpty();
    }
    assertThat(model(catalog("datasets")).properties()).doesNotContainKey("bulwark:model:cardProblem");
    // aliases are not expanded (a billion laughs stays a few hundred bytes) and the rest of the card is read
    java.nio.file.Path dir = Files.createTempDirectory("card");
    Files.writeString(dir.resolve("config.json"), config);
    Files.writeString(dir.resolve("README.md"), laughs.toString());
    Component hf = model(catalogAll(Fixtures.context(dir)));
    assertThat(hf.licenses()).containsExactly("MIT");
    assertThat(hf.properties()).doesNotContainKey("bulwark:model:cardProblem");
  }

  @Test
  void diffusersPipelineFolderIsOneModelWithItsCard() throws IOException {
    List<Component> all = catalog("diffusers-pipeline");
    List<Component> folders = all.stream().filter(c -> "huggingface".equals(c.properties().get(ModelCataloger.FORMAT))).toList();
    assertThat(folders).extracting(c -> c.properties().get(ModelCataloger.FRAMEWORK)).containsExactlyInAnyOrder("diffusers", "transformers");
    Component pipeline = folders.stream().filter(c -> "diffusers".equals(c.properties().get(ModelCataloger.FRAMEWORK))).findFirst().orElseThrow();
    assertThat(pipeline.ref()).isEqualTo("machine-learning-model:./");
    assertThat(pipeline.licenses()).containsExactly("LicenseRef-creativeml-openrail-m");
    assertThat(pipeline.properties())
        .containsEntry("bulwark:model:architectures", "StableDiffusionPipeline")
        .containsEntry("bulwark:modelCard:modelArchitecture", "StableDiffusionPipeline")
        .containsEntry("bulwark:modelCard:task", "text-to-image")
        .containsEntry("bulwark:model:pipelineComponents", "feature_extractor=CLIPImageProcessor,scheduler=PNDMScheduler,"
            + "text_encoder=CLIPTextModel,tokenizer=CLIPTokenizer,unet=UNet2DConditionModel,vae=AutoencoderKL");
  }

  @Test
  void configBesideAnAdapterConfigKeepsTheAdaptersBaseModel() throws IOException {
    List<Component> all = catalog("merged-adapter");
    Component hf = model(all);
    assertThat(hf.properties()).containsEntry(ModelCataloger.FRAMEWORK, "transformers");
    assertThat(hf.dependsOn()).containsExactly("pkg:huggingface/acme/tiny-base");
    assertThat(all).filteredOn(c -> "huggingface".equals(c.properties().get(ModelCataloger.FORMAT))).hasSize(1);
  }

  @Test
  void hubUrlsInTheCardAreRepositoryIds() throws IOException {
    List<Component> all = catalog("hub-urls");
    assertThat(model(all).dependsOn()).containsExactly("pkg:huggingface/acme/tiny-base");
    assertThat(model(all).properties()).containsEntry("bulwark:modelCard:datasets", "data:huggingface:acme/reviews");
  }
}
