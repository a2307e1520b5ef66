package dev.bulwark.secrets.baseline;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Target;
import dev.bulwark.secrets.GitHistoryAnalyzer;
import dev.bulwark.secrets.SecretFileAnalyzer;
import dev.bulwark.spi.AnalyzerSkippedException;
import dev.bulwark.spi.FileTree;
import dev.bulwark.spi.Limits;
import dev.bulwark.spi.ListFileTree;
import dev.bulwark.spi.PathScanFile;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark secrets baseline PATH -o FILE}: scans PATH for secrets (and its git history with
 * {@code --git-history}) and records every finding's fingerprint, so that a later
 * {@code bulwark scan --baseline FILE} reports only new secrets.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "Record the current secret findings of PATH as accepted (by fingerprint; values are never written).")
public final class BaselineCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "PATH", description = "Directory or file to scan.")
  Path target;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Baseline file to write.")
  Path output;

  @Option(names = "--git-history", description = "Also record secrets found in every commit of the repository.")
  boolean gitHistory;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(target)) {
      err.println("bulwark: " + target + ": no such file or directory");
      return 2;
    }
    Path root = target.toAbsolutePath().normalize();
    Map<String, String> settings = new HashMap<>();
    if (gitHistory) {
      settings.put("secrets.gitHistory", "true");
    }
    List<ScanFile> files = Files.isDirectory(root) ? walk(root)
        : List.of(new PathScanFile(root.getFileName().toString(), root, Files.size(root)));
    FileTree tree = new ListFileTree(files);
    ScanContext context = new ScanContext(
        new Target(target.toString(), Files.isDirectory(root) ? Target.Type.DIRECTORY : Target.Type.FILE, Map.of()),
        Optional.of(root), tree, settings, Limits.DEFAULT, Clock.systemUTC(), root.resolve(".bulwark"), true);
    SecretFileAnalyzer analyzer = new SecretFileAnalyzer();
    List<Finding> findings = new ArrayList<>();
    for (ScanFile f : tree.files()) {
      if (!analyzer.accepts(f)) {
        continue;
      }
      try {
        findings.addAll(analyzer.analyze(f, context));
      } catch (UnreadableInputException e) {
        err.println("bulwark: warning: " + e.getMessage());
      }
    }
    if (gitHistory) {
      GitHistoryAnalyzer history = new GitHistoryAnalyzer();
      try {
        findings.addAll(history.analyze(tree, context));
      } catch (AnalyzerSkippedException e) {
        err.println("bulwark: " + target + ": " + e.getMessage());
        return 2;
      }
    }
    Baseline baseline = Baseline.of(findings);
    try {
      baseline.write(output);
    } catch (IOException e) {
      err.println("bulwark: " + output + ": cannot write baseline: " + e.getMessage());
      return 2;
    }
    out.println("Recorded " + baseline.entries().size() + " secret finding(s) in " + output);
    return 0;
  }

  private static List<ScanFile> walk(Path root) throws IOException {
    List<ScanFile> files = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return !dir.equals(root) && (name.equals(".git") || name.equals(".bulwark")) ? FileVisitResult.SKIP_SUBTREE
            : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile()) {
          files.add(PathScanFile.of(root, file));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
    return files;
  }
}
