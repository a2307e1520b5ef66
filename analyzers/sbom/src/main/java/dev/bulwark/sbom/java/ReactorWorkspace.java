package dev.bulwark.sbom.java;

import dev.bulwark.spi.ScanFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;

/**
 * The POMs of the scanned tree as Maven's reactor: a module's POM is taken from the tree, never from a
 * repository. The resolver needs files, so a POM is copied on first use into a private folder at its path in
 * the tree (relative parents stay where Maven looks for them); the caller deletes the folder.
 */
final class ReactorWorkspace implements WorkspaceReader {

  private final WorkspaceRepository repository = new WorkspaceRepository("bulwark-reactor");
  private final PomIndex index;
  private final Path folder;
  private final Map<String, PomIndex.Module> byCoordinates;

  ReactorWorkspace(PomIndex index, Path folder) {
    this.index = index;
    this.folder = folder.toAbsolutePath().normalize();
    this.byCoordinates = index.modules();
  }

  Path folder() {
    return folder;
  }

  /** The module whose POM is {@code file}, with its coordinates as far as the tree defines them. */
  Optional<PomIndex.Module> module(ScanFile file) {
    return byCoordinates.values().stream().filter(m -> m.file().path().equals(file.path())).findFirst();
  }

  boolean isModule(String groupId, String artifactId) {
    return byCoordinates.containsKey(groupId + ":" + artifactId);
  }

  @Override
  public WorkspaceRepository getRepository() {
    return repository;
  }

  @Override
  public File findArtifact(Artifact artifact) {
    PomIndex.Module m = match(artifact);
    // only POMs: the graph needs nothing else, and the tree's build outputs are not trusted artifacts
    if (m == null || !"pom".equals(artifact.getExtension()) || !artifact.getClassifier().isEmpty()) {
      return null;
    }
    return copy(m.file()).toFile();
  }

  @Override
  public List<String> findVersions(Artifact artifact) {
    PomIndex.Module m = byCoordinates.get(artifact.getGroupId() + ":" + artifact.getArtifactId());
    List<String> out = new ArrayList<>();
    if (m != null && m.version() != null) {
      out.add(m.version());
    }
    return out;
  }

  private PomIndex.Module match(Artifact artifact) {
    PomIndex.Module m = byCoordinates.get(artifact.getGroupId() + ":" + artifact.getArtifactId());
    if (m == null) {
      return null;
    }
    // a version the tree cannot compute (${revision} from the command line) matches any asked version
    boolean versionKnown = m.version() != null && !m.version().contains("${");
    return !versionKnown || m.version().equals(artifact.getBaseVersion()) ? m : null;
  }

  /** The tree file's copy, written on first use. */
  synchronized Path copy(ScanFile file) {
    Path target = folder.resolve(safeRelative(file.path())).normalize();
    if (!target.startsWith(folder)) {
      throw new IllegalStateException("tree path escapes the reactor folder: " + file.path());
    }
    if (!Files.exists(target)) {
      Optional<Pom> pom = index.pom(file);
      try {
        Files.createDirectories(target.getParent());
        byte[] bytes = pom.map(p -> p.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .orElse(new byte[0]);
        Files.write(target, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return target;
  }

  /** Tree paths use {@code /} and {@code !} between archive levels; both become folders here. */
  private static String safeRelative(String treePath) {
    StringBuilder b = new StringBuilder();
    for (String seg : treePath.replace('!', '/').split("/")) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        continue;
      }
      if (!b.isEmpty()) {
        b.append('/');
      }
      b.append(seg);
    }
    return b.isEmpty() ? "pom.xml" : b.toString();
  }

}
