package dev.bulwark.sbom;

import dev.bulwark.model.Component;
import dev.bulwark.model.Inventory;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.Plugins;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs every registered cataloger over a folder the way the engine does, and renders components for goldens. */
public final class Catalog {

  private Catalog() {}

  public static List<Cataloger> catalogers() {
    return Plugins.load(Cataloger.class, Cataloger::id);
  }

  /**
   * A repository that is always empty: golden and accuracy tests must not depend on what the machine's
   * {@code ~/.m2} holds, so Maven dependencies resolve no further than declared.
   */
  public static final Path EMPTY_MAVEN_REPOSITORY = Path.of("target/empty-maven-repository").toAbsolutePath();

  public static Inventory of(Path root) {
    return of(root, Map.of("sbom.maven.repoLocal", EMPTY_MAVEN_REPOSITORY.toString()));
  }

  public static Inventory of(Path root, Map<String, String> settings) {
    ScanContext context = Fixtures.context(root, settings);
    List<Component> all = new ArrayList<>();
    List<Cataloger> catalogers = catalogers();
    for (ScanFile f : context.tree().files()) {
      for (Cataloger c : catalogers) {
        if (c.claims(f)) {
          try {
            all.addAll(c.catalog(f, context));
          } catch (IOException e) {
            throw new UncheckedIOException(c.id() + " on " + f.path(), e);
          }
        }
      }
    }
    return Inventory.of(all);
  }

  /** One line per component: ref, scope, kind, flags, licences and edges. */
  public static String render(Inventory inventory) {
    return inventory.components().stream().map(Catalog::render).collect(Collectors.joining("\n")) + "\n";
  }

  public static String render(Component c) {
    StringBuilder b = new StringBuilder(c.ref());
    b.append(" scope=").append(c.scope().id()).append(" kind=").append(c.kind().id());
    if (c.firstParty()) {
      b.append(" firstParty");
    }
    if (c.isUnpinned()) {
      b.append(" unpinned");
    }
    if ("true".equals(c.properties().get(Component.UNRESOLVED))) {
      b.append(" unresolved");
    }
    if (c.ecosystem() != null) {
      b.append(" eco=").append(c.ecosystem());
    }
    if (!c.licenses().isEmpty()) {
      b.append(" licenses=").append(c.licenses());
    }
    if (!c.dependsOn().isEmpty()) {
      b.append(" deps=").append(c.dependsOn());
    }
    return b.toString();
  }
}
