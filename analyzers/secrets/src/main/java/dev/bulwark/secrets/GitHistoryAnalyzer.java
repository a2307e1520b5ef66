package dev.bulwark.secrets;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Scanner;
import dev.bulwark.spi.AnalyzerSkippedException;
import dev.bulwark.spi.FileTree;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.TargetAnalyzer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * With {@code secrets.gitHistory=true}: every commit reachable from any ref of the target's git repository,
 * oldest first, is compared with its first parent; each blob version not scanned before is scanned like a
 * working-tree file. Each distinct secret (rule and value) is reported once, at the first commit that added
 * it, with the commit id and author date in the evidence — also when a later commit removed it.
 *
 * <p>Settings: {@code secrets.gitHistory} (enable), {@code secrets.maxFileBytes}, {@code secrets.maxFindingsPerFile}.
 */
public final class GitHistoryAnalyzer implements TargetAnalyzer {

  public static final String ID = "secrets-git-history";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Scanner scanner() {
    return Scanner.SECRET;
  }

  @Override
  public boolean enabled(ScanContext context) {
    return context.flag("secrets.gitHistory");
  }

  @Override
  public List<Finding> analyze(FileTree tree, ScanContext context) throws Exception {
    Path root = context.root().orElseThrow(() -> new AnalyzerSkippedException("git history needs a local target"));
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
    File gitDir = builder.getGitDir();
    if (gitDir == null) {
      throw new AnalyzerSkippedException("not a git repository: " + root);
    }
    long limit = Math.min(SecretFileAnalyzer.maxFileBytes(context), context.limits().maxFileBytes());
    TextSecretScan scan = new TextSecretScan(SecretScanner.standard(), SecretFileAnalyzer.maxFindings(context));
    try (Repository repo = builder.build()) {
      return scanHistory(repo, scan, limit);
    }
  }

  static List<Finding> scanHistory(Repository repo, TextSecretScan scan, long limit) throws IOException {
    Map<String, Finding> firstSeen = new LinkedHashMap<>();
    Set<ObjectId> scannedBlobs = new HashSet<>();
    try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
      boolean any = false;
      for (Ref ref : repo.getRefDatabase().getRefs()) {
        ObjectId id = ref.getObjectId();
        if (id == null) {
          continue;
        }
        RevObject o = walk.parseAny(id);
        while (o instanceof RevTag tag) {
          o = walk.parseAny(tag.getObject());
        }
        if (o instanceof RevCommit c) {
          walk.markStart(c);
          any = true;
        }
      }
      if (!any) {
        return List.of();
      }
      walk.sort(RevSort.TOPO, true);
      walk.sort(RevSort.REVERSE, true);
      for (RevCommit commit : walk) {
        Map<String, String> context = Map.of(
            "git.commit", commit.getName(),
            "git.authorDate", Instant.ofEpochSecond(commit.getAuthorIdent().getWhenAsInstant().getEpochSecond()).toString());
        try (TreeWalk tw = new TreeWalk(repo, reader)) {
          tw.setRecursive(true);
          if (commit.getParentCount() > 0) {
            tw.addTree(walk.parseCommit(commit.getParent(0)).getTree());
            tw.addTree(commit.getTree());
            tw.setFilter(TreeFilter.ANY_DIFF);
          } else {
            tw.addTree(commit.getTree());
          }
          int mine = tw.getTreeCount() - 1;
          while (tw.next()) {
            FileMode mode = tw.getFileMode(mine);
            if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
              continue;
            }
            ObjectId blob = tw.getObjectId(mine);
            if (!scannedBlobs.add(blob.copy())) {
              continue;
            }
            ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
            if (loader.getSize() > limit) {
              continue;
            }
            for (Finding f : scan.scan(tw.getPathString(), loader.getBytes(), context, "git")) {
              String key = f.rule() + "\u0000" + f.evidence().getOrDefault("secret.sha256", f.id());
              firstSeen.putIfAbsent(key, f);
            }
          }
        }
      }
    }
    return new ArrayList<>(firstSeen.values());
  }
}
