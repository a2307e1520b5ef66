package dev.bulwark.sbom.python;

import dev.bulwark.sbom.internal.Pep503;
import dev.bulwark.spi.FileTree;
import dev.bulwark.spi.ScanFile;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Installed distributions per site-packages folder, from {@code name-version.dist-info} folder names alone
 * (no file reads), so that {@code Requires-Dist} entries can be turned into edges. Built once per tree.
 */
final class InstalledPackageIndex {

  private static final Map<FileTree, InstalledPackageIndex> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

  /** folder -> normalised name -> version */
  private final Map<String, Map<String, String>> byFolder = new HashMap<>();

  static InstalledPackageIndex of(FileTree tree) {
    return CACHE.computeIfAbsent(tree, t -> {
      InstalledPackageIndex index = new InstalledPackageIndex();
      for (ScanFile f : t.files()) {
        if (f.name().equals("METADATA") && f.parent().endsWith(".dist-info")) {
          String dir = f.parent();
          int cut = Math.max(dir.lastIndexOf('/'), dir.lastIndexOf('!'));
          String folder = cut < 0 ? "" : dir.substring(0, cut);
          String[] nv = nameVersion(dir.substring(cut + 1, dir.length() - ".dist-info".length()));
          if (nv != null) {
            index.byFolder.computeIfAbsent(folder, x -> new HashMap<>()).put(Pep503.normalize(nv[0]), nv[1]);
          }
        }
      }
      return index;
    });
  }

  /** {@code name-version} of a dist-info folder; names have '-' escaped to '_' there. */
  static String[] nameVersion(String stem) {
    int dash = stem.indexOf('-');
    if (dash <= 0 || dash == stem.length() - 1) {
      return null;
    }
    return new String[] {stem.substring(0, dash), stem.substring(dash + 1)};
  }

  String version(String folder, String normalizedName) {
    Map<String, String> m = byFolder.get(folder);
    return m == null ? null : m.get(normalizedName);
  }
}
