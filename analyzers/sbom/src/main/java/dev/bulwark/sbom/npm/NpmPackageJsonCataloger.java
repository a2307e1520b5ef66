package dev.bulwark.sbom.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code package.json}. Inside {@code node_modules} it is an installed package (exact version, licence): the
 * inventory of images and folders shipped without a lockfile. Elsewhere it is a first-party project; its
 * declared dependencies are listed (unpinned unless exact) only when no lockfile sits in its folder or any
 * folder above, since a lockfile holds the resolved set.
 */
public final class NpmPackageJsonCataloger implements Cataloger {

  private static final List<String> LOCKFILES = List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
      "pnpm-lock.yaml", "bun.lock", "bun.lockb");
  private static final long MAX_BYTES = 4 << 20;

  @Override
  public String id() {
    return "sbom/npm-package-json";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equals("package.json") && file.size() <= MAX_BYTES && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    JsonNode root;
    try {
      root = Parsers.json(file, context);
    } catch (IOException e) {
      // many tools write package.json-like files; an unparsable one inside node_modules is not worth a finding
      if (file.path().contains("node_modules/")) {
        return List.of();
      }
      throw e;
    }
    if (!root.isObject()) {
      return List.of();
    }
    String name = Parsers.text(root, "name");
    String version = Parsers.text(root, "version");
    if (isInstalled(file, name)) {
      if (version == null) {
        return List.of();
      }
      Component.Builder b = Component.builder(ComponentType.LIBRARY, name).version(version).purl(Purls.npm(name, version))
          .ecosystem(Ecosystems.NPM).location(Location.of(file.path())).property("npm:installed", "true");
      NpmLockCataloger.license(b, root.get("license") != null ? root.get("license") : root.get("licenses"));
      return List.of(b.build());
    }
    if (file.path().contains("node_modules/")) {
      // a nested package.json of an installed package (e.g. {"type": "module"} in a subfolder)
      return List.of();
    }
    List<Component> out = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    boolean vendored = dev.bulwark.sbom.internal.VendoredPaths.isVendored(file.path());
    if (!vendored && !locked(file, context)) {
      PackageJson pj = PackageJson.of(root);
      for (Map.Entry<String, String> d : pj.ranges().entrySet()) {
        String range = d.getValue();
        String[] alias = alias(range);
        String depName = alias == null ? d.getKey() : alias[0];
        String exact = exact(alias == null ? range : alias[1]);
        boolean local = range.startsWith("file:") || range.startsWith("link:") || range.startsWith("workspace:");
        Component.Builder b = Component.builder(ComponentType.LIBRARY, depName).version(exact)
            .ecosystem(Ecosystems.NPM).scope(DependencyScope.DIRECT)
            .kind(pj.declared().getOrDefault(d.getKey(), DependencyKind.UNKNOWN)).location(Location.of(file.path()))
            .property("npm:range", range).firstParty(local);
        if (alias != null) {
          b.property("npm:alias", d.getKey());
        }
        if (local) {
          b.ref("npm-local:" + file.path() + ":" + d.getKey());
        } else {
          b.purl(Purls.npm(depName, exact));
          if (exact == null) {
            b.property(Component.UNPINNED, "true");
          }
        }
        Component c = b.build();
        out.add(c);
        refs.add(c.ref());
      }
    }
    if (name != null) {
      out.add(Component.builder(ComponentType.APPLICATION, name).version(version).purl(Purls.npm(name, version))
          .ecosystem(Ecosystems.NPM).firstParty(!vendored).location(Location.of(file.path())).dependsOn(refs).build());
    }
    return out;
  }

  /** A package installed at {@code node_modules/<name>/package.json}, or the root manifest of a packed npm tarball. */
  private static boolean isInstalled(ScanFile file, String name) {
    if (name == null) {
      return false;
    }
    String p = file.path();
    return p.endsWith("node_modules/" + name + "/package.json") || p.endsWith(".tgz!package/package.json");
  }

  private static boolean locked(ScanFile file, ScanContext context) {
    String folder = file.parent();
    for (int depth = 0; depth < 64; depth++) {
      String prefix = folder.isEmpty() ? "" : folder + "/";
      for (String lock : LOCKFILES) {
        if (context.tree().file(prefix + lock).isPresent()) {
          return true;
        }
      }
      if (folder.isEmpty()) {
        return false;
      }
      int cut = Math.max(folder.lastIndexOf('/'), folder.lastIndexOf('!'));
      folder = cut < 0 ? "" : folder.substring(0, cut);
    }
    return false;
  }

  /** An npm alias {@code npm:real-name@range} as {real-name, range}; null for any other specifier. */
  static String[] alias(String range) {
    if (!range.startsWith("npm:")) {
      return null;
    }
    String spec = range.substring("npm:".length()).strip();
    int at = spec.indexOf('@', spec.startsWith("@") ? 1 : 0);
    if (at < 0) {
      return spec.isEmpty() ? null : new String[] {spec, ""};
    }
    return at == 0 ? null : new String[] {spec.substring(0, at), spec.substring(at + 1)};
  }

  /**
   * {@code 1.2.3} or {@code =1.2.3} (with a pre-release or build suffix) pins a version; ranges, partial versions
   * ({@code 18}, {@code 1.2}, which npm reads as {@code 18.x}, {@code 1.2.x}), tags and URLs do not.
   */
  static String exact(String range) {
    String r = range.strip();
    if (r.startsWith("=")) {
      r = r.substring(1).strip();
    }
    if (r.isEmpty() || !Character.isDigit(r.charAt(0))) {
      return null;
    }
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+')) {
        return null;
      }
    }
    int suffix = r.length();
    for (int i = 0; i < r.length(); i++) {
      if (r.charAt(i) == '-' || r.charAt(i) == '+') {
        suffix = i;
        break;
      }
    }
    String[] core = r.substring(0, suffix).split("\\.", -1);
    if (core.length != 3) {
      return null;
    }
    for (String part : core) {
      if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
        return null;
      }
    }
    return r;
  }
}
