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
    for (Subject s : KubernetesModel.subjects(docs.get(), path)) {
      out.addAll(runner.run(path, s, docs.get().positions()));
    }
    return out;
  }
}
