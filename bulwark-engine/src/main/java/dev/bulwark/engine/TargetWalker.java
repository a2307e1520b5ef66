package dev.bulwark.engine;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Target;
import dev.bulwark.spi.ListFileTree;
import dev.bulwark.spi.PathScanFile;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Walks a target once: a folder (ignore files honoured, {@code .git/} skipped, links never followed out of
 * the target), a single file, or an archive, expanding archives (by name and magic) to a bounded depth.
 */
final class TargetWalker {
  private final Sandbox sandbox;
  private final ExpansionBudget budget;
  private final ArchiveExpander expander;

  private final ImageReader images;
  private final Map<String, String> layerOfPath = new java.util.concurrent.ConcurrentHashMap<>();

  TargetWalker(Sandbox sandbox, ExpansionBudget budget) {
    this.sandbox = sandbox;
    this.budget = budget;
    this.expander = new ArchiveExpander(sandbox, budget);
    this.images = new ImageReader(sandbox, budget);
  }

  ScanTree walk(Path root) throws IOException {
    List<ScanFile> files = new ArrayList<>();
    List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    Target.Type type;
    Map<String, String> facts = Map.of();
    List<ScanFile> all = new ArrayList<>();
    if (Files.isDirectory(root) && ImageReader.isLayoutDir(root)) {
      type = Target.Type.IMAGE;
      try (ImageReader.Blobs blobs = ImageReader.dirBlobs(root.toRealPath())) {
        ImageReader.Image image = images.read(blobs, "", root.toString());
        findings.addAll(image.findings());
        layerOfPath.putAll(image.layerOfPath());
        facts = image.facts();
        files.addAll(image.files());
      }
    } else if (Files.isDirectory(root)) {
      type = Target.Type.DIRECTORY;
      walkDirectory(root.toRealPath(), files, findings);
    } else {
      PathScanFile single = new PathScanFile(root.getFileName().toString(), root, Files.size(root));
      budget.spendFile();
      ImageReader.Image image = single.kind() == dev.bulwark.spi.FileKind.TAR ? readImage(single, findings) : null;
      if (image != null) {
        type = Target.Type.IMAGE;
        facts = image.facts();
        all.add(single);
        files.addAll(image.files());
      } else {
        type = ArchiveNames.formatOf(single) != null ? Target.Type.ARCHIVE : Target.Type.FILE;
        files.add(single);
      }
    }
    for (ScanFile f : files) {
      addWithMembers(f, 0, all, findings);
    }
    Target target = new Target(root.toString(), type, facts);
    return new ScanTree(target, new ListFileTree(all), List.copyOf(findings), Map.copyOf(layerOfPath));
  }

  /** Reads a tar as a container image when it is one; null for plain tars. Image errors become findings. */
  private ImageReader.Image readImage(ScanFile tar, List<Finding> findings) {
    Path local = tar.localPath().orElse(null);
    if (local == null) {
      return null;
    }
    try (ImageReader.Blobs blobs = ImageReader.tarBlobs(local)) {
      if (blobs == null) {
        return null;
      }
      ImageReader.Image image = images.read(blobs, tar.path() + "!", tar.path());
      findings.addAll(image.findings());
      layerOfPath.putAll(image.layerOfPath());
      return image;
    } catch (IOException | RuntimeException e) {
      findings.add(EngineRules.UNREADABLE_FILE.at(tar.path(), "cannot read container image: " + e.getMessage()));
      return null;
    }
  }

  private void addWithMembers(ScanFile file, int depth, List<ScanFile> out, List<Finding> findings) {
    out.add(file);
    ArchiveNames.Format format;
    try {
      format = ArchiveNames.formatOf(file);
    } catch (RuntimeException e) {
      findings.add(EngineRules.UNREADABLE_FILE.at(file.path(), "cannot read: " + e.getMessage()));
      return;
    }
    if (format == null) {
      return;
    }
    if (format == ArchiveNames.Format.TAR && depth < budget.limits().maxArchiveDepth()) {
      ImageReader.Image image = readImage(file, findings);
      if (image != null) {
        for (ScanFile member : image.files()) {
          addWithMembers(member, depth + 1, out, findings);
        }
        return;
      }
    }
    if (depth >= budget.limits().maxArchiveDepth()) {
      findings.add(EngineRules.ARCHIVE_TOO_DEEP.at(file.path(), "archive nested " + (depth + 1)
          + " levels deep; the limit is " + budget.limits().maxArchiveDepth() + ", its contents were not scanned"));
      return;
    }
    ArchiveExpander.Expansion expansion = expander.expand(file, format);
    findings.addAll(expansion.findings());
    for (ScanFile member : expansion.members()) {
      addWithMembers(member, depth + 1, out, findings);
    }
  }

  private void walkDirectory(Path root, List<ScanFile> files, List<Finding> findings) throws IOException {
    record Dir(Path path, String rel, IgnoreRules rules) {}
    Deque<Dir> stack = new ArrayDeque<>();
    stack.push(new Dir(root, "", IgnoreRules.none().enter(root, "")));
    while (!stack.isEmpty()) {
      Dir dir = stack.pop();
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.path())) {
        ds.forEach(children::add);
      } catch (IOException e) {
        findings.add(EngineRules.UNREADABLE_FILE.at(dir.rel().isEmpty() ? "." : dir.rel(), "cannot list folder: " + e.getMessage()));
        continue;
      }
      children.sort(null);
      List<Dir> subdirs = new ArrayList<>();
      for (Path child : children) {
        String name = child.getFileName().toString();
        String rel = dir.rel().isEmpty() ? name : dir.rel() + "/" + name;
        BasicFileAttributes attrs;
        try {
          attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
          findings.add(EngineRules.UNREADABLE_FILE.at(rel, "cannot read attributes: " + e.getMessage()));
          continue;
        }
        if (attrs.isSymbolicLink()) {
          handleLink(root, child, rel, dir.rules(), files, findings);
          continue;
        }
        if (attrs.isDirectory()) {
          if (name.equals(".git") || dir.rules().isIgnored(rel, true)) {
            continue;
          }
          try {
            subdirs.add(new Dir(child, rel, dir.rules().enter(child, rel)));
          } catch (IOException e) {
            findings.add(EngineRules.UNREADABLE_FILE.at(rel, "cannot read ignore file: " + e.getMessage()));
            subdirs.add(new Dir(child, rel, dir.rules()));
          }
          continue;
        }
        if (!attrs.isRegularFile() || dir.rules().isIgnored(rel, false)) {
          continue;
        }
        if (!addRegular(rel, child, attrs.size(), files, findings)) {
          return;
        }
      }
      for (int i = subdirs.size() - 1; i >= 0; i--) {
        stack.push(subdirs.get(i));
      }
    }
  }

  private boolean addRegular(String rel, Path file, long size, List<ScanFile> files, List<Finding> findings) {
    if (!Files.isReadable(file)) {
      findings.add(EngineRules.UNREADABLE_FILE.at(rel, "permission denied"));
      return true;
    }
    if (!budget.spendFile()) {
      findings.add(EngineRules.FILE_LIMIT.at(rel, "more than " + budget.limits().maxFiles()
          + " files in the target; the rest were not scanned"));
      return false;
    }
    files.add(new PathScanFile(rel, file, size));
    return true;
  }

  /**
   * Links are followed only to regular files inside the target (so a hostile repository cannot make Bulwark
   * read {@code /etc/shadow} into a report); folder links are not followed, which also rules out loops.
   */
  private void handleLink(Path root, Path link, String rel, IgnoreRules rules, List<ScanFile> files,
      List<Finding> findings) {
    if (rules.isIgnored(rel, false)) {
      return;
    }
    Path real;
    try {
      real = link.toRealPath();
    } catch (IOException e) {
      String m = String.valueOf(e.getMessage());
      if (e instanceof java.nio.file.FileSystemLoopException || m.contains("levels of symbolic links")) {
        findings.add(EngineRules.SYMLINK_LOOP.at(rel, "symbolic link loop not followed"));
      }
      return; // dangling link: nothing to read
    }
    if (!real.startsWith(root)) {
      findings.add(EngineRules.SYMLINK_OUTSIDE_TARGET.at(rel, "symbolic link to a path outside the target was not followed"));
      return;
    }
    if (Files.isRegularFile(real)) {
      try {
        addRegular(rel, real, Files.size(real), files, findings);
      } catch (IOException e) {
        findings.add(EngineRules.UNREADABLE_FILE.at(rel, "cannot read: " + e.getMessage()));
      }
    }
  }

  Sandbox sandbox() {
    return sandbox;
  }
}
