package dev.bulwark.iac.actions;

import dev.bulwark.iac.Checks;
import dev.bulwark.iac.IacAnalyzerBase;
import dev.bulwark.iac.YamlSource;
import dev.bulwark.model.Finding;
import dev.bulwark.policy.InputKind;
import dev.bulwark.policy.yaml.YamlDocuments;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.List;

/**
 * GitHub Actions checks: workflows ({@code .github/workflows/*.yml}, or any YAML with top-level
 * {@code on:} and {@code jobs:} whose jobs have {@code runs-on:} or {@code uses:}) and composite actions
 * ({@code action.yml}) with {@code runs:}.
 */
public final class GithubActionsAnalyzer extends IacAnalyzerBase {

  @Override
  public String id() {
    return "iac-github-actions";
  }

  @Override
  protected InputKind input() {
    return Checks.GITHUB_ACTIONS;
  }

  @Override
  public boolean accepts(ScanFile file) {
    String n = lowerName(file);
    if (!isYamlName(n) || !isText(file)) {
      return false;
    }
    String p = file.path().replace('\\', '/');
    String head = head(file);
    if (p.contains(".github/workflows/")) {
      return YamlSource.hasKeyLine(head, "jobs") || YamlSource.hasKeyLine(head, "on");
    }
    if (n.equals("action.yml") || n.equals("action.yaml")) {
      return YamlSource.hasKeyLine(head, "runs");
    }
    // a workflow kept elsewhere (templates, test data, docs): top-level on: and jobs: with runs-on or uses
    return YamlSource.hasTopLevelKey(head, "jobs")
        && (YamlSource.hasTopLevelKey(head, "on") || YamlSource.hasTopLevelKey(head, "\"on\""))
        && (head.contains("runs-on:") || head.contains("uses:"));
  }

  @Override
  public List<Finding> analyzeText(String path, String text, ScanContext context) throws IOException {
    return checkYamlDocuments(path, text, context, wf -> wf.containsKey("jobs") || wf.containsKey("runs"), ActionsModel::subject);
  }
}
