package dev.bulwark.spi;

import java.util.List;
import java.util.Optional;

/**
 * Every file of the target, walked once before any analyzer runs, so that an analyzer of one file can
 * read its neighbours ({@code go.sum} beside {@code go.mod}, a parent {@code pom.xml}, a model card).
 */
public interface FileTree {

  /** All files, sorted by path. */
  List<ScanFile> files();

  /** The file at exactly this target-relative path. */
  Optional<ScanFile> file(String path);

  /** The file named {@code name} in the folder of {@code beside}, e.g. {@code sibling(goMod, "go.sum")}. */
  default Optional<ScanFile> sibling(ScanFile beside, String name) {
    String parent = beside.parent();
    if (parent.isEmpty()) {
      return file(name);
    }
    char sep = beside.path().charAt(parent.length());
    return file(parent + sep + name);
  }
}
