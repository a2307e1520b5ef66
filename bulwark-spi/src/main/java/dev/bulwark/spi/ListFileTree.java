package dev.bulwark.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link FileTree} over a fixed list of files. */
public final class ListFileTree implements FileTree {
  private final List<ScanFile> files;
  private final Map<String, ScanFile> byPath = new HashMap<>();

  public ListFileTree(List<? extends ScanFile> files) {
    List<ScanFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(ScanFile::path));
    this.files = List.copyOf(sorted);
    for (ScanFile f : this.files) {
      byPath.putIfAbsent(f.path(), f);
    }
  }

  @Override
  public List<ScanFile> files() {
    return files;
  }

  @Override
  public Optional<ScanFile> file(String path) {
    return Optional.ofNullable(byPath.get(path));
  }
}
