package dev.bulwark.sbom.java;

import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.spi.FileTree;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The POMs of one target by {@code groupId:artifactId}, so that parents and imported BOMs outside the
 * default relative path are found, and reactor modules are recognised as first-party. Built once per
 * file tree (weakly cached: the tree of a finished scan is collected) and parsed POMs are memoised.
 */
final class PomIndex {

  private static final Map<FileTree, PomIndex> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

  private final Map<String, ScanFile> byCoordinates = new HashMap<>();
  private final Map<String, Optional<Pom>> parsed = new HashMap<>();
  private final ScanContext context;
  private Map<String, Module> modules;

  private PomIndex(ScanContext context) {
    this.context = context;
  }

  static PomIndex of(ScanContext context) {
    PomIndex index = CACHE.get(context.tree());
    if (index == null) {
      PomIndex fresh = new PomIndex(context);
      for (ScanFile f : context.tree().files()) {
        if (MavenPomCataloger.isProjectPom(f)) {
          fresh.pom(f).ifPresent(p -> {
            String g = p.effectiveGroupId();
            if (g != null && p.artifactId() != null) {
              fresh.byCoordinates.putIfAbsent(g + ":" + p.artifactId(), f);
            }
          });
        }
      }
      CACHE.put(context.tree(), fresh);
      index = fresh;
    }
    return index;
  }

  Optional<ScanFile> find(String groupId, String artifactId) {
    return Optional.ofNullable(byCoordinates.get(groupId + ":" + artifactId));
  }

  /** A module of the tree with its coordinates as far as the tree defines them. */
  record Module(String groupId, String artifactId, String version, ScanFile file) {}

  /** The tree's modules by {@code groupId:artifactId} after interpolation, computed once. */
  synchronized Map<String, Module> modules() {
    if (modules == null) {
      Map<String, Module> out = new HashMap<>();
      for (ScanFile f : byCoordinates.values()) {
        pom(f).ifPresent(pom -> {
          EffectivePom eff = EffectivePom.of(pom, f, this, context.tree());
          String g = eff.interpolate(pom.effectiveGroupId());
          String a = eff.interpolate(pom.artifactId());
          if (g != null && a != null) {
            out.putIfAbsent(g + ":" + a, new Module(g, a, eff.interpolate(pom.effectiveVersion()), f));
          }
        });
      }
      modules = Map.copyOf(out);
    }
    return modules;
  }

  boolean isReactorModule(String groupId, String artifactId) {
    return byCoordinates.containsKey(groupId + ":" + artifactId);
  }

  /** The parsed POM, or empty when it does not parse (its own cataloguing reports that). */
  synchronized Optional<Pom> pom(ScanFile f) {
    Optional<Pom> p = parsed.get(f.path());
    if (p == null) {
      try {
        p = Optional.of(Pom.parse(f.path(), Parsers.read(f, context)));
      } catch (IOException | RuntimeException e) {
        p = Optional.empty();
      }
      parsed.put(f.path(), p);
    }
    return p;
  }
}
