package dev.bulwark.sbom.os;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.sbom.license.SpdxLicenses;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Debian and Ubuntu packages: {@code var/lib/dpkg/status} (installed paragraphs only) and the one-paragraph
 * files of {@code var/lib/dpkg/status.d/} (distroless images). purls {@code pkg:deb/<id>/name@version?arch=&distro=}
 * with the source package as {@code upstream}; the OSV ecosystem from os-release under the same root; licences
 * from machine-readable {@code usr/share/doc/<package>/copyright} files; edges from Depends and Pre-Depends.
 */
public final class DpkgCataloger implements Cataloger {

  private static final String STATUS = "var/lib/dpkg/status";
  private static final String STATUS_D = "var/lib/dpkg/status.d/";

  @Override
  public String id() {
    return "sbom/dpkg";
  }

  @Override
  public boolean claims(ScanFile file) {
    String p = file.path();
    boolean named = p.endsWith(STATUS) && (p.length() == STATUS.length() || isSep(p.charAt(p.length() - STATUS.length() - 1)))
        || isStatusD(file);
    return named && (file.kind() == FileKind.TEXT || file.kind() == FileKind.EMPTY);
  }

  private static boolean isStatusD(ScanFile file) {
    String parent = file.parent();
    return (parent.endsWith("var/lib/dpkg/status.d")) && !file.name().endsWith(".md5sums");
  }

  private static boolean isSep(char c) {
    return c == '/' || c == '!';
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String prefix = isStatusD(file) ? file.path().substring(0, file.path().indexOf(STATUS_D)) : OsRelease.prefix(file, STATUS);
    OsRelease os = OsRelease.find(prefix, context);
    String namespace = os.id() == null ? "debian" : os.id();
    List<ControlParagraphs.Paragraph> paragraphs = ControlParagraphs.parse(Parsers.readText(file, context));
    Map<String, String> refByName = new HashMap<>();
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    Map<String, ControlParagraphs.Paragraph> byRef = new HashMap<>();
    for (ControlParagraphs.Paragraph p : paragraphs) {
      String name = p.get("Package");
      String version = p.get("Version");
      String status = p.get("Status");
      if (name == null || version == null || status != null && !status.endsWith(" installed")) {
        continue;
      }
      String arch = p.get("Architecture");
      String source = p.get("Source");
      String sourceName = null;
      String sourceVersion = null;
      if (source != null) {
        int paren = source.indexOf(" (");
        sourceName = paren < 0 ? source.strip() : source.substring(0, paren).strip();
        sourceVersion = paren < 0 ? null : source.substring(paren + 2, source.indexOf(')', paren) < 0 ? source.length() : source.indexOf(')', paren));
      }
      Map<String, String> q = new LinkedHashMap<>();
      q.put("arch", arch);
      q.put("distro", os.distro());
      if (sourceName != null && !sourceName.equals(name)) {
        q.put("upstream", sourceName + (sourceVersion == null ? "" : "@" + sourceVersion));
      }
      Component.Builder b = Component.builder(ComponentType.LIBRARY, name).version(version)
          .purl(Purls.of("deb", namespace, name, version, q)).ecosystem(os.osvEcosystem())
          .location(Location.atLine(file.path(), p.line()))
          .property("deb:source", sourceName == null ? name : sourceName)
          .property("deb:sourceVersion", sourceVersion == null ? version : sourceVersion)
          .property("os:distro", os.distro());
      licenses(prefix, name, context).forEach(b::license);
      String ref = b.build().ref();
      builders.putIfAbsent(ref, b);
      byRef.put(ref, p);
      refByName.put(name, ref);
      String provides = p.get("Provides");
      if (provides != null) {
        for (String prov : provides.split(",")) {
          refByName.putIfAbsent(firstToken(prov), ref);
        }
      }
    }
    byRef.forEach((ref, p) -> {
      for (String field : List.of("Depends", "Pre-Depends")) {
        String deps = p.get(field);
        if (deps == null) {
          continue;
        }
        for (String clause : deps.split(",")) {
          for (String alt : clause.split("\\|")) {
            String to = refByName.get(firstToken(alt));
            if (to != null) {
              if (!to.equals(ref)) {
                builders.get(ref).dependsOn(to);
              }
              break;
            }
          }
        }
      }
    });
    List<Component> out = new ArrayList<>();
    builders.values().forEach(b -> out.add(b.build()));
    addOs(out, os, prefix);
    return out;
  }

  /** {@code libc6 (>= 2.34)} or {@code perl:any} to the package name. */
  static String firstToken(String s) {
    String t = s.strip();
    int end = 0;
    while (end < t.length() && !Character.isWhitespace(t.charAt(end)) && t.charAt(end) != '(' && t.charAt(end) != ':') {
      end++;
    }
    return t.substring(0, end);
  }

  /** {@code License:} fields of a machine-readable (DEP-5) copyright file, normalised; empty otherwise. */
  private static Set<String> licenses(String prefix, String name, ScanContext context) {
    Set<String> out = new LinkedHashSet<>();
    Optional<ScanFile> f = context.tree().file(prefix + "usr/share/doc/" + name + "/copyright");
    if (f.isEmpty() || f.get().size() > 2 << 20) {
      return out;
    }
    try {
      String text = Parsers.readText(f.get(), context);
      if (!text.startsWith("Format:")) {
        return out;
      }
      for (String line : text.split("\n")) {
        if (line.startsWith("License:")) {
          String l = line.substring(8).strip();
          if (!l.isEmpty()) {
            out.add(SpdxLicenses.normalize(l));
          }
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static void addOs(List<Component> out, OsRelease os, String prefix) {
    Component c = os.component(prefix + "etc/os-release");
    if (c != null) {
      out.add(c);
    }
  }
}
