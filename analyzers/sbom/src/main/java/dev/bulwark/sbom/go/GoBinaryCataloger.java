package dev.bulwark.sbom.go;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Go executables (ELF, Mach-O, PE): the modules compiled in, from the embedded build information
 * ({@code mod}, {@code dep} and {@code =>} replacement lines), plus the Go standard library as {@code stdlib}
 * at the toolchain's version. The main module is first-party. Non-Go ELF files are rejected from their
 * section headers without reading the body.
 */
public final class GoBinaryCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/go-binary";
  }

  @Override
  public boolean claims(ScanFile file) {
    if (file.size() <= 1024) {
      return false;
    }
    FileKind k = file.kind();
    return k == FileKind.ELF || k == FileKind.MACH_O || k == FileKind.PE;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    Optional<byte[]> blob;
    if (file.kind() == FileKind.ELF && file.localPath().isPresent()) {
      long off = GoBuildInfo.elfSectionOffset(file.localPath().get());
      if (off < 0) {
        return List.of();
      }
      blob = Optional.of(GoBuildInfo.readBlob(file.localPath().get(), off));
    } else {
      try (InputStream in = file.open()) {
        blob = GoBuildInfo.scan(in, Math.min(context.limits().maxFileBytes(), 512L << 20));
      }
    }
    Optional<GoBuildInfo.Info> info = blob.flatMap(GoBuildInfo::decode);
    if (info.isEmpty()) {
      return List.of();
    }
    return components(file, info.get());
  }

  static List<Component> components(ScanFile file, GoBuildInfo.Info info) {
    List<Component.Builder> deps = new ArrayList<>();
    Component.Builder main = null;
    for (String line : info.modInfo().split("\n")) {
      String[] f = line.split("\t");
      if (f.length < 2) {
        continue;
      }
      switch (f[0]) {
        case "mod" -> {
          String version = f.length > 2 && !f[2].equals("(devel)") ? f[2] : null;
          main = Component.builder(ComponentType.APPLICATION, f[1]).version(version).purl(Purls.golang(f[1], version))
              .ecosystem(Ecosystems.GO).firstParty(true);
        }
        case "dep" -> deps.add(dep(f));
        case "=>" -> {
          if (!deps.isEmpty()) {
            Component.Builder replaced = dep(f);
            String old = deps.get(deps.size() - 1).build().ref();
            replaced.property("go:replaces", old);
            if (f[1].startsWith(".") || f[1].startsWith("/")) {
              // a local directory stands in for the module: named by the module, as the go.mod cataloger does,
              // with the directory it was built from
              String module = deps.get(deps.size() - 1).build().name();
              replaced = Component.builder(ComponentType.LIBRARY, module).ref("go-local:" + file.path() + ":" + module)
                  .ecosystem(Ecosystems.GO).firstParty(true).property("go:replacedBy", f[1]);
            }
            deps.set(deps.size() - 1, replaced);
          }
        }
        default -> {
        }
      }
    }
    List<Component> out = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    Location loc = Location.of(file.path());
    for (Component.Builder b : deps) {
      Component c = b.location(loc).build();
      out.add(c);
      refs.add(c.ref());
    }
    String go = info.goVersion();
    if (go.startsWith("go")) {
      String v = "v" + go.substring(2).split(" ")[0];
      Component std = Component.builder(ComponentType.LIBRARY, "stdlib").version(v).purl(Purls.golang("stdlib", v))
          .ecosystem(Ecosystems.GO).location(loc).property("go:toolchain", go).build();
      out.add(std);
      refs.add(std.ref());
    }
    if (main != null) {
      out.add(main.location(loc).dependsOn(refs).property("go:toolchain", go).build());
    }
    return out;
  }

  private static Component.Builder dep(String[] f) {
    String version = f.length > 2 ? f[2] : null;
    Component.Builder b = Component.builder(ComponentType.LIBRARY, f[1]).version(version)
        .purl(Purls.golang(f[1], version)).ecosystem(Ecosystems.GO);
    if (f.length > 3 && !f[3].isEmpty()) {
      b.property("go:h1", f[3]);
    }
    return b;
  }
}
