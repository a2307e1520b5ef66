package dev.bulwark.iac.k8s;

import dev.bulwark.iac.Checks;
import dev.bulwark.iac.CheckRunner;
import dev.bulwark.iac.IacAnalyzerBase;
import dev.bulwark.iac.Subject;
import dev.bulwark.iac.YamlSource;
import dev.bulwark.model.Finding;
import dev.bulwark.policy.InputKind;
import dev.bulwark.policy.yaml.YamlDocuments;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes manifest checks: YAML or JSON files (multi-document, {@code List} kinds, Helm-rendered
 * output) whose text has top-level {@code apiVersion} and {@code kind} keys. Workflow, compose and GitLab
 * files are left to their own analyzers; unrendered Helm templates are skipped.
 */
public final class KubernetesAnalyzer extends IacAnalyzerBase {

  @Override
  public String id() {
    return "iac-kubernetes";
  }

  @Override
  protected InputKind input() {
    return Checks.KUBERNETES;
  }

  @Override
  public boolean accepts(ScanFile file) {
    String n = lowerName(file);
    if (!(isYamlName(n) || n.endsWith(".json")) || !isText(file)) {
      return false;
    }
    String p = file.path().replace('\\', '/');
    if (p.contains(".github/workflows/") || n.contains("compose") || n.contains("gitlab-ci")) {
      return false;
    }
    String head = head(file);
    return YamlSource.hasKeyLine(head, "apiVersion") && YamlSource.hasKeyLine(head, "kind");
  }

  @Override
  public List<Finding> analyzeText(String path, String text, ScanContext context) throws IOException {
    Optional<YamlDocuments> docs = YamlSource.read(path, text);
    if (docs.isEmpty()) {
      return List.of();
    }
    CheckRunner runner = runner(context);
    List<Finding> out = new ArrayList<>();
    List<Object> kustomized = kustomizedImages(path, context);
    for (Subject s : KubernetesModel.subjects(docs.get(), path, kustomized)) {
      out.addAll(runner.run(path, s, docs.get().positions()));
    }
    return out;
  }

  private static final List<String> KUSTOMIZATION_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /**
   * Image names that a kustomization in this file's folder or an ancestor rewrites with its {@code images:}
   * list (new tag or digest): their tag in the base manifest is not what gets deployed.
   */
  static List<Object> kustomizedImages(String path, ScanContext context) {
    Set<Object> names = new java.util.TreeSet<>();
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    for (int depth = 0; depth < 8; depth++) {
      for (String n : KUSTOMIZATION_NAMES) {
        Optional<ScanFile> k = context.tree().file(dir.isEmpty() ? n : dir + "/" + n);
        if (k.isPresent()) {
          try {
            Optional<YamlDocuments> kd = YamlSource.read(k.get().path(), k.get().readString(1 << 20));
            if (kd.isPresent() && !kd.get().documents().isEmpty()) {
              for (Object img : YamlSource.list(YamlSource.map(kd.get().documents().get(0)) == null ? null
                  : YamlSource.map(kd.get().documents().get(0)).get("images"))) {
                if (YamlSource.map(img) != null && YamlSource.map(img).get("name") instanceof String name) {
                  names.add(name);
                }
              }
            }
          } catch (IOException e) {
            // an unreadable kustomization changes nothing here; it is reported when scanned itself
          }
        }
      }
      if (dir.isEmpty()) {
        break;
      }
      dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
    }
    return List.copyOf(names);
  }
}
