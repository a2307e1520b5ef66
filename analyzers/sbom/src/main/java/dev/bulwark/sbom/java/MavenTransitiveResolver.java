package dev.bulwark.sbom.java;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelProblem;
import org.eclipse.aether.AbstractRepositoryListener;
import org.eclipse.aether.RepositoryEvent;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorPolicy;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.util.graph.transformer.ConflictResolver;

/**
 * Resolves the dependency graph of one project POM of the scanned tree as Maven would: the project's model
 * (parents, properties, profiles, dependency management, imported BOMs) and every dependency's POM are read
 * by Maven's model builder; conflicts are resolved nearest-wins; test and provided dependencies of
 * dependencies are dropped, as are optional ones and exclusions; version ranges take the highest version the
 * repositories list. Modules of the tree come from the tree. Offline unless the settings say online.
 */
final class MavenTransitiveResolver {

  static final long OFFLINE_TIMEOUT_MS = 60_000;
  private static final String ROOT_CONTEXT = "bulwark-project";
  static final long ONLINE_TIMEOUT_MS = 300_000;

  /** One resolved artifact; {@code children} are keys of other nodes. */
  record Node(String key, String groupId, String artifactId, String version, String extension,
      String classifier, String scope, boolean optional, boolean direct, String versionConstraint,
      Set<String> children) {}

  /**
   * @param nodes resolved artifacts, the project's direct dependencies first; empty when {@code failure} is set
   * @param unresolved {@code groupId:artifactId:version} of dependencies whose POM could not be read or built,
   *     so whose own dependencies are unknown
   * @param uninterpolated {@code groupId:artifactId:version} of direct dependencies whose version has a
   *     {@code ${...}} no property defines; left out of the graph
   * @param modelDependencies {@code groupId:artifactId} of the dependencies of the project's effective model
   *     (active profiles only), placed in the graph or not
   * @param failure why the project itself could not be resolved, else null
   * @param truncated why the graph was cut short, else null
   */
  record Resolution(List<Node> nodes, Set<String> unresolved, Set<String> uninterpolated,
      Set<String> modelDependencies, String failure, String truncated) {}

  private final MavenResolverSettings settings;

  MavenTransitiveResolver(MavenResolverSettings settings) {
    this.settings = settings;
  }

  Resolution resolve(PomIndex.Module project, PomIndex index) throws IOException {
    Path folder = Files.createTempDirectory("bulwark-reactor-");
    try {
      ReactorWorkspace workspace = new ReactorWorkspace(index, folder);
      List<Path> readable = new ArrayList<>(List.of(workspace.folder(), settings.localRepository()));
      if (settings.online()) {
        readable.add(settings.downloadRepository());
      }
      ResolutionBudget budget = new ResolutionBudget(settings.online() ? ONLINE_TIMEOUT_MS : OFFLINE_TIMEOUT_MS,
          readable);
      return budget.run(() -> resolve(project, workspace, budget));
    } finally {
      deleteTree(folder);
    }
  }

  private Resolution resolve(PomIndex.Module project, ReactorWorkspace workspace, ResolutionBudget budget)
      throws IOException {
    Set<String> unresolved = Collections.synchronizedSet(new TreeSet<>());
    RepositorySystem system = MavenRepositorySystem.get();
    RepositorySystemSession.SessionBuilder builder = MavenRepositorySystem.sessionBuilder(!settings.online())
        .setWorkspaceReader(workspace)
        .setMirrorSelector(repo -> allowed(repo) ? null : blocked(repo))
        .setRepositoryListener(new AbstractRepositoryListener() {
          @Override
          public void artifactDescriptorMissing(RepositoryEvent event) {
            unresolved.add(gav(event.getArtifact()));
          }

          @Override
          public void artifactDescriptorInvalid(RepositoryEvent event) {
            unresolved.add(gav(event.getArtifact()));
          }
        })
        // the project's own POM must build (else its dependencies stay as declared, with the reason); a
        // dependency's POM that is missing or broken is skipped with a note, as Maven warns and goes on
        .setArtifactDescriptorPolicy((s, r) -> ROOT_CONTEXT.equals(r.getRequestContext())
            ? ArtifactDescriptorPolicy.STRICT : ArtifactDescriptorPolicy.IGNORE_ERRORS)
        .setConfigProperty(ConflictResolver.CONFIG_PROP_VERBOSE, Boolean.TRUE);
    if (settings.online()) {
      Files.createDirectories(settings.downloadRepository());
      // downloads go to Bulwark's cache; the user's repository is a read-only tail
      builder.withLocalRepositories(new LocalRepository(settings.downloadRepository(), "simple"),
          new LocalRepository(settings.localRepository(), "simple"));
    } else {
      // "simple": a POM is there when its file is, whichever remote id it was downloaded from
      builder.withLocalRepositories(new LocalRepository(settings.localRepository(), "simple"));
    }
    try (RepositorySystemSession.CloseableSession session = builder.build()) {
      Artifact root = new DefaultArtifact(project.groupId(), project.artifactId(), "pom",
          project.version() == null ? "0" : project.version());
      ArtifactDescriptorResult descriptor;
      try {
        descriptor = system.readArtifactDescriptor(session,
            new ArtifactDescriptorRequest(root, List.of(central()), ROOT_CONTEXT));
      } catch (ArtifactDescriptorException e) {
        return failed(e, unresolved);
      }
      if (!descriptor.getExceptions().isEmpty()) {
        return failed(descriptor.getExceptions().get(0), unresolved);
      }
      // Maven refuses to build a project with a version it cannot interpolate; Bulwark resolves the rest and
      // leaves that one as declared (bulwark:unresolved)
      List<Dependency> resolvable = new ArrayList<>();
      java.util.SortedSet<String> uninterpolated = new TreeSet<>();
      Set<String> modelDependencies = new TreeSet<>();
      for (Dependency d : descriptor.getDependencies()) {
        modelDependencies.add(d.getArtifact().getGroupId() + ":" + d.getArtifact().getArtifactId());
        if (d.getArtifact().getVersion().contains("${")) {
          uninterpolated.add(d.getArtifact().getGroupId() + ":" + d.getArtifact().getArtifactId() + ":"
              + d.getArtifact().getVersion());
        } else {
          resolvable.add(d);
        }
      }
      CollectRequest request = new CollectRequest();
      request.setRootArtifact(descriptor.getArtifact());
      request.setDependencies(resolvable);
      request.setManagedDependencies(descriptor.getManagedDependencies());
      request.setRepositories(repositories(descriptor.getRepositories()));
      request.setRequestContext("project");
      CollectResult result;
      try {
        result = system.collectDependencies(session, request);
      } catch (DependencyCollectionException e) {
        // ranges no repository satisfies, cycles: Maven reports these; the graph collected so far stands
        result = e.getResult();
        for (Exception x : result.getExceptions()) {
          if (x instanceof ArtifactDescriptorException ade) {
            unresolved.add(gav(ade.getResult().getRequest().getArtifact()));
          }
        }
      }
      return new Resolution(nodes(result.getRoot()), Collections.unmodifiableSortedSet(new TreeSet<>(unresolved)),
          Collections.unmodifiableSortedSet(uninterpolated), Collections.unmodifiableSet(modelDependencies), null,
          budget.exhausted());
    }
  }

  private static Resolution failed(Exception e, Set<String> unresolved) {
    String message = String.valueOf(e.getMessage());
    if (e.getCause() != null && e.getCause() != e) {
      // "failed to read artifact descriptor" says little; its cause names the missing parent or BOM
      message += ": " + e.getCause().getMessage();
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // the model builder's first serious problem names what is missing (a parent, a BOM) and why
      if (t instanceof ModelBuildingException mbe) {
        message = mbe.getProblems().stream().filter(p -> p.getSeverity() != ModelProblem.Severity.WARNING)
            .map(ModelProblem::getMessage).findFirst().orElse(message);
        break;
      }
    }
    message = message.replaceAll("\\s+", " ").strip();
    return new Resolution(List.of(), Collections.unmodifiableSortedSet(new TreeSet<>(unresolved)), Set.of(),
        Set.of(), message.length() > 400 ? message.substring(0, 400) + "..." : message, null);
  }

  /** The project's repositories with Maven Central last, as Maven orders them; Central at the configured URL. */
  private List<RemoteRepository> repositories(List<RemoteRepository> declared) {
    Map<String, RemoteRepository> out = new LinkedHashMap<>();
    for (RemoteRepository r : declared) {
      if (!r.getId().equals("central")) {
        out.putIfAbsent(r.getId(), r);
      }
    }
    out.put("central", central());
    return List.copyOf(out.values());
  }

  private RemoteRepository central() {
    return new RemoteRepository.Builder("central", "default", settings.centralUrl()).build();
  }

  /** Maven 3.8.1 and later block plain HTTP repositories; Bulwark also blocks file: and other schemes. */
  private boolean allowed(RemoteRepository repo) {
    String url = repo.getUrl();
    return url.startsWith("https://") || url.equals(settings.centralUrl());
  }

  private static RemoteRepository blocked(RemoteRepository repo) {
    return new RemoteRepository.Builder("bulwark-blocked", repo.getContentType(), repo.getUrl())
        .setBlocked(true).addMirroredRepository(repo).build();
  }

  /** The collected graph as nodes, direct dependencies first; a conflict loser becomes an edge to its winner. */
  private static List<Node> nodes(DependencyNode root) {
    Map<String, Node> out = new LinkedHashMap<>();
    Map<DependencyNode, Boolean> seen = new IdentityHashMap<>();
    ArrayDeque<DependencyNode> queue = new ArrayDeque<>();
    Set<DependencyNode> direct = Collections.newSetFromMap(new IdentityHashMap<>());
    for (DependencyNode c : root.getChildren()) {
      DependencyNode w = winner(c);
      if (w.getDependency() != null && seen.put(w, true) == null) {
        direct.add(w);
        queue.add(w);
      }
    }
    while (!queue.isEmpty()) {
      DependencyNode n = queue.poll();
      Set<String> children = new TreeSet<>();
      for (DependencyNode c : n.getChildren()) {
        DependencyNode w = winner(c);
        if (w.getDependency() == null) {
          continue;
        }
        children.add(key(w.getArtifact()));
        if (seen.put(w, true) == null) {
          queue.add(w);
        }
      }
      Dependency d = n.getDependency();
      Artifact a = d.getArtifact();
      String constraint = n.getVersionConstraint() == null || n.getVersionConstraint().getRange() == null ? null
          : n.getVersionConstraint().toString();
      Node node = new Node(key(a), a.getGroupId(), a.getArtifactId(), a.getVersion(), a.getExtension(),
          a.getClassifier(), d.getScope(), d.isOptional(), direct.contains(n), constraint, children);
      out.merge(node.key(), node, (x, y) -> x.direct() ? x : y.direct() ? y : x);
    }
    return new ArrayList<>(out.values());
  }

  private static DependencyNode winner(DependencyNode n) {
    Object w = n.getData().get(ConflictResolver.NODE_DATA_WINNER);
    return w instanceof DependencyNode winner ? winner : n;
  }

  static String key(Artifact a) {
    return a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getExtension() + ":" + a.getClassifier() + ":"
        + a.getVersion();
  }

  private static String gav(Artifact a) {
    return a == null ? "?" : a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion();
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var walk = Files.walk(folder)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
