package dev.bulwark.iac.docker;

import dev.bulwark.iac.Checks;
import dev.bulwark.iac.Subject;
import dev.bulwark.model.Finding;
import dev.bulwark.policy.InputKind;
import dev.bulwark.policy.yaml.Pos;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dockerfile and Containerfile checks. Claims {@code Dockerfile}, {@code Containerfile},
 * {@code Dockerfile.*}, {@code Dockerfile-*}, {@code *.dockerfile} and {@code *.containerfile} whose text
 * has a {@code FROM} instruction.
 */
public final class DockerfileAnalyzer extends dev.bulwark.iac.IacAnalyzerBase {

  @Override
  public String id() {
    return "iac-dockerfile";
  }

  @Override
  protected InputKind input() {
    return Checks.DOCKERFILE;
  }

  @Override
  public boolean accepts(ScanFile file) {
    String n = file.name().toLowerCase(Locale.ROOT);
    boolean named = n.equals("dockerfile") || n.equals("containerfile") || n.startsWith("dockerfile.")
        || n.startsWith("dockerfile-") || n.startsWith("dockerfile_") || n.startsWith("containerfile.")
        || n.endsWith(".dockerfile") || n.endsWith(".containerfile");
    if (!named || n.endsWith(".dockerignore") || n.endsWith(".md") || n.endsWith(".txt") || !isText(file)) {
      return false;
    }
    return hasFrom(head(file));
  }

  static boolean hasFrom(String head) {
    for (String line : head.split("\n")) {
      String t = line.strip();
      if (t.length() > 5 && t.regionMatches(true, 0, "FROM", 0, 4) && Character.isWhitespace(t.charAt(4))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<Finding> analyzeText(String path, String text, ScanContext context) throws IOException {
    DockerfileParser.Parsed parsed;
    try {
      parsed = DockerfileParser.parse(text);
    } catch (DockerfileException e) {
      throw new UnreadableInputException(path, e.getMessage());
    }
    Map<String, Object> df = parsed.dockerfile();
    List<?> stages = (List<?>) df.get("stages");
    Map<String, Object> vars = new HashMap<>();
    vars.put("dockerfile", df);
    vars.put("stages", stages);
    vars.put("instructions", df.get("instructions"));
    vars.put("final", stages.isEmpty() ? Map.of() : stages.get(stages.size() - 1));
    vars.put("file", Map.of("path", path, "name", path.substring(path.lastIndexOf('/') + 1)));
    Subject subject = new Subject(vars, Pos.START, "");
    return runner(context).run(path, subject, parsed.positions());
  }
}
