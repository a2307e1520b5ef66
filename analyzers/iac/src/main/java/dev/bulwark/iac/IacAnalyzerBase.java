package dev.bulwark.iac;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Scanner;
import dev.bulwark.policy.InputKind;
import dev.bulwark.policy.PolicyException;
import dev.bulwark.policy.Rule;
import dev.bulwark.spi.FileAnalyzer;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** What the IaC analyzers share: scanner, size bound, loading the checks of their input. */
public abstract class IacAnalyzerBase implements FileAnalyzer {
  /** Largest IaC file read; real manifests are far smaller. */
  protected static final long MAX_BYTES = 8L << 20;

  /** Set by tests: a check that fails to evaluate fails the test instead of being skipped. */
  public static volatile boolean strict = Boolean.getBoolean("bulwark.iac.strict");

  @Override
  public Scanner scanner() {
    return Scanner.IAC;
  }

  protected abstract InputKind input();

  protected CheckRunner runner(ScanContext context) throws IOException {
    List<Rule> rules;
    try {
      rules = Checks.forScan(input(), context);
    } catch (PolicyException e) {
      throw new IllegalStateException("IaC rule files do not compile: " + e.getMessage(), e);
    }
    return new CheckRunner(rules, strict);
  }

  protected static boolean isText(ScanFile file) {
    FileKind k = file.kind();
    return k == FileKind.TEXT || k == FileKind.EMPTY;
  }

  protected static String lowerName(ScanFile file) {
    return file.name().toLowerCase(Locale.ROOT);
  }

  protected static boolean isYamlName(String lower) {
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  protected static String head(ScanFile file) {
    return new String(file.head(), java.nio.charset.StandardCharsets.UTF_8);
  }

  public abstract List<Finding> analyzeText(String path, String text, ScanContext context) throws IOException;

  @Override
  public List<Finding> analyze(ScanFile file, ScanContext context) throws IOException {
    String text = file.readString(Math.min(MAX_BYTES, context.limits().maxFileBytes()));
    return analyzeText(file.path(), text, context);
  }

  /** Builds the CEL subject of one YAML document. */
  @FunctionalInterface
  protected interface DocumentSubject {
    Subject of(java.util.Map<String, Object> document, dev.bulwark.policy.yaml.Positions positions, String path);
  }

  /**
   * Runs this analyzer's checks on every YAML document of {@code text} that {@code wanted} accepts: the loop
   * every single-document-kind YAML analyzer (workflows, GitLab CI, compose) shares.
   */
  protected List<Finding> checkYamlDocuments(String path, String text, ScanContext context,
      java.util.function.Predicate<java.util.Map<String, Object>> wanted, DocumentSubject subject) throws IOException {
    java.util.Optional<dev.bulwark.policy.yaml.YamlDocuments> docs = YamlSource.read(path, text);
    if (docs.isEmpty()) {
      return List.of();
    }
    List<Finding> out = new java.util.ArrayList<>();
    CheckRunner runner = runner(context);
    for (Object d : docs.get().documents()) {
      java.util.Map<String, Object> doc = YamlSource.map(d);
      if (doc != null && wanted.test(doc)) {
        out.addAll(runner.run(path, subject.of(doc, docs.get().positions(), path), docs.get().positions()));
      }
    }
    return out;
  }
}
