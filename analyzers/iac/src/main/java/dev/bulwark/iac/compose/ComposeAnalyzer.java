package dev.bulwark.iac.compose;

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
import java.util.Map;

/**
 * Compose checks: {@code docker-compose*.y(a)ml}, {@code compose*.y(a)ml} and {@code *.compose.y(a)ml}
 * with a {@code services:} key.
 */
public final class ComposeAnalyzer extends IacAnalyzerBase {

  @Override
  public String id() {
    return "iac-compose";
  }

  @Override
  protected InputKind input() {
    return Checks.COMPOSE;
  }

  @Override
  public boolean accepts(ScanFile file) {
    String n = lowerName(file);
    if (!isYamlName(n) || !isText(file)) {
      return false;
    }
    boolean named = n.startsWith("docker-compose") || n.startsWith("compose.") || n.startsWith("compose-")
        || n.contains(".compose.") || n.endsWith("-compose.yml") || n.endsWith("-compose.yaml");
    return named && YamlSource.hasKeyLine(head(file), "services");
  }

  @Override
  public List<Finding> analyzeText(String path, String text, ScanContext context) throws IOException {
    return checkYamlDocuments(path, text, context, doc -> doc.get("services") instanceof Map<?, ?>, ComposeModel::subject);
  }
}
