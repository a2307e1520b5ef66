package dev.bulwark.sbom.python;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Pep503;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code pyproject.toml}: the project itself (first-party) and, when no lockfile sits beside it, its declared
 * dependencies (PEP 621, PEP 735 groups, Poetry, PDM and uv dev dependencies). Only exact pins ({@code ==},
 * or a bare Poetry version) give a version; the others are kept with {@code bulwark:unpinned=true}.
 */
public final class PyprojectCataloger implements Cataloger {

  private static final List<String> LOCKFILES = List.of("poetry.lock", "uv.lock", "pdm.lock", "Pipfile.lock", "pylock.toml",
      "requirements.lock");
  private static final List<String> WORKSPACE_LOCKFILES = List.of("uv.lock", "poetry.lock", "pdm.lock");
  private static final int MAX_WORKSPACE_DEPTH = 8;

  @Override
  public String id() {
    return "sbom/pyproject";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("pyproject.toml") && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    PyProject p = PyProject.of(Parsers.toml(file, context));
    boolean vendored = dev.bulwark.sbom.internal.VendoredPaths.isVendored(file.path());
    boolean locked = vendored || LOCKFILES.stream().anyMatch(l -> context.tree().sibling(file, l).isPresent())
        || lockedAbove(file, context);
    List<Component> out = new ArrayList<>();
    List<String> direct = new ArrayList<>();
    if (!locked) {
      String self = p.name() == null ? null : Pep503.normalize(p.name());
      for (PyProject.Declared d : p.declared().values()) {
        if (Pep503.normalize(d.name()).equals(self)) {
          // an extra or group naming the project itself ("all = ['my-lib[gpu,dev]']") adds no package
          continue;
        }
        String version = exact(d);
        Component.Builder b = PyComponents.library(d.name(), version, Location.of(file.path()))
            .scope(DependencyScope.DIRECT).kind(d.kind()).property("python:specifier", d.specifier())
            .property("python:marker", d.marker()).property("python:declaredIn", d.source());
        if (isLocal(d.specifier())) {
          b.firstParty(true).purl(null).ref("pypi-local:" + file.path() + ":" + Pep503.normalize(d.name()));
        } else if (version == null) {
          b.property(Component.UNPINNED, "true");
        }
        Component c = b.build();
        out.add(c);
        direct.add(c.ref());
      }
    }
    if (p.name() != null) {
      out.add(Component.builder(ComponentType.APPLICATION, Pep503.normalize(p.name())).version(p.version())
          .purl(Purls.pypi(p.name(), p.version())).ecosystem(Ecosystems.PYPI).firstParty(!vendored)
          .location(Location.of(file.path())).dependsOn(direct).build());
    }
    return out;
  }

  /**
   * A workspace member or path package: a uv, Poetry or PDM lockfile in a folder above records this folder as a
   * local package ({@code editable = "libs/api"}, {@code url = "libs/api"}, {@code path = "./libs/api"}), so that
   * lockfile pins the member's dependencies and its unpinned declarations would only duplicate them.
   */
  private static boolean lockedAbove(ScanFile file, ScanContext context) {
    String folder = file.parent();
    String relative = "";
    for (int depth = 0; depth < MAX_WORKSPACE_DEPTH && !folder.isEmpty(); depth++) {
      int cut = folder.lastIndexOf('/');
      String name = folder.substring(cut + 1);
      relative = relative.isEmpty() ? name : name + "/" + relative;
      folder = cut < 0 ? "" : folder.substring(0, cut);
      for (String lock : WORKSPACE_LOCKFILES) {
        Optional<ScanFile> f = context.tree().file(folder.isEmpty() ? lock : folder + "/" + lock);
        if (f.isPresent() && records(f.get(), relative, context)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean records(ScanFile lock, String relative, ScanContext context) {
    try {
      String text = Parsers.readText(lock, context);
      return text.contains("\"" + relative + "\"") || text.contains("\"./" + relative + "\"");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Poetry {@code path}/{@code file} sources, and PEP 508 {@code file:} URLs (PDM writes a local dependency as
   * {@code name @ file:///${PROJECT_ROOT}/sub}).
   */
  private static boolean isLocal(String specifier) {
    if (specifier == null) {
      return false;
    }
    String s = specifier.toLowerCase(Locale.ROOT);
    return s.startsWith("path:") || s.startsWith("file:") || s.startsWith("@ file:");
  }

  private static String exact(PyProject.Declared d) {
    String s = d.specifier();
    if (s == null) {
      return null;
    }
    String pinned = Pep508.pinned(s.replace(" ", ""));
    if (pinned != null) {
      return pinned;
    }
    // Poetry: a bare version is an exact constraint
    if (d.source().startsWith("tool.poetry") && !s.isEmpty() && Character.isDigit(s.charAt(0))
        && s.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '.' || ch == '+' || ch == '!')) {
      return s;
    }
    return null;
  }
}
