package dev.bulwark.iac.gitlab;

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

/** GitLab CI checks: {@code .gitlab-ci.yml}, {@code *.gitlab-ci.yml} and included files under {@code .gitlab/ci/}. */
public final class GitlabCiAnalyzer extends IacAnalyzerBase {

  @Override
  public String id() {
    return "iac-gitlab-ci";
  }

  @Override
  protected InputKind input() {
    return Checks.GITLAB_CI;
  }

  @Override
  public boolean accepts(ScanFile file) {
    String n = lowerName(file);
    if (!isYamlName(n) || !isText(file)) {
      return false;
    }
    String p = file.path().replace('\\', '/');
    boolean named = n.equals(".gitlab-ci.yml") || n.equals(".gitlab-ci.yaml") || n.endsWith(".gitlab-ci.yml")
        || n.endsWith(".gitlab-ci.yaml") || p.startsWith(".gitlab/ci/") || p.contains("/.gitlab/ci/");
    if (!named) {
      return false;
    }
    String head = head(file);
    return YamlSource.hasKeyLine(head, "script") || YamlSource.hasKeyLine(head, "stages")
        || YamlSource.hasKeyLine(head, "image") || YamlSource.hasKeyLine(head, "include")
        || YamlSource.hasKeyLine(head, "variables");
  }

  @Override
  public List<Finding> analyzeText(String path, String text, ScanContext context) throws IOException {
    return checkYamlDocuments(path, text, context, doc -> true, GitlabModel::subject);
  }
}
