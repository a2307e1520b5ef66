package dev.bulwark.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * {@code .gitignore} and {@code .bulwarkignore} rules of one folder, chained to its parent's, with git's
 * semantics (negation, anchoring, directory-only patterns, deeper files win). Parsing is JGit's.
 */
final class IgnoreRules {
  static final String[] FILE_NAMES = {".gitignore", ".bulwarkignore"};
  private static final int MAX_IGNORE_FILE_BYTES = 1 << 20;

  private final IgnoreRules parent;
  private final String base;
  private final IgnoreNode node;

  private IgnoreRules(IgnoreRules parent, String base, IgnoreNode node) {
    this.parent = parent;
    this.base = base;
    this.node = node;
  }

  static IgnoreRules none() {
    return new IgnoreRules(null, "", null);
  }

  /**
   * Rules for folder {@code dir} (target-relative {@code relDir}, "" for the root): this one's ignore files
   * layered over the parent's. Returns {@code this} when the folder has none.
   */
  IgnoreRules enter(Path dir, String relDir) throws IOException {
    IgnoreNode merged = null;
    for (String name : FILE_NAMES) {
      Path f = dir.resolve(name);
      if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.isReadable(f)) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(f)) {
          bytes = in.readNBytes(MAX_IGNORE_FILE_BYTES);
        }
        if (merged == null) {
          merged = new IgnoreNode();
        }
        merged.parse(new ByteArrayInputStream(bytes));
      }
    }
    return merged == null ? this : new IgnoreRules(this, relDir, merged);
  }

  /** Whether {@code relPath} (target-relative) is ignored. */
  boolean isIgnored(String relPath, boolean directory) {
    for (IgnoreRules r = this; r != null; r = r.parent) {
      if (r.node == null) {
        continue;
      }
      String local = r.base.isEmpty() ? relPath : relPath.substring(r.base.length() + 1);
      Boolean ignored = r.node.checkIgnored(local, directory);
      if (ignored != null) {
        return ignored;
      }
    }
    return false;
  }
}
