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
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alpine (and Wolfi) packages from {@code lib/apk/db/installed}: one record per package of single-letter
 * fields; purls {@code pkg:apk/<id>/name@version?arch=&distro=} with the origin as {@code upstream}; licences;
 * edges from {@code D:} through names and {@code p:} provides.
 */
public final class ApkCataloger implements Cataloger {

  private static final String DB = "lib/apk/db/installed";

  @Override
  public String id() {
    return "sbom/apk";
  }

  @Override
  public boolean claims(ScanFile file) {
    String p = file.path();
    return p.endsWith(DB) && (p.length() == DB.length() || p.charAt(p.length() - DB.length() - 1) == '/'
        || p.charAt(p.length() - DB.length() - 1) == '!') && (file.kind() == FileKind.TEXT || file.kind() == FileKind.EMPTY);
  }

  private record Record(Map<Character, List<String>> fields, int line) {
    String get(char k) {
      List<String> v = fields.get(k);
      return v == null || v.isEmpty() ? null : v.get(0);
    }
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String prefix = OsRelease.prefix(file, DB);
    OsRelease os = OsRelease.find(prefix, context);
    String namespace = os.id() == null ? "alpine" : os.id();
    List<Record> records = parse(Parsers.readText(file, context));
    Map<String, String> refByName = new HashMap<>();
    Map<String, Component.Builder> builders = new LinkedHashMap<>();
    Map<String, Record> byRef = new HashMap<>();
    for (Record r : records) {
      String name = r.get('P');
      String version = r.get('V');
      if (name == null || version == null) {
        continue;
      }
      String origin = r.get('o');
      Map<String, String> q = new LinkedHashMap<>();
      q.put("arch", r.get('A'));
      q.put("distro", os.distro());
      if (origin != null && !origin.equals(name)) {
        q.put("upstream", origin);
      }
      Component.Builder b = Component.builder(ComponentType.LIBRARY, name).version(version)
          .purl(Purls.of("apk", namespace, name, version, q)).ecosystem(os.osvEcosystem())
          .location(Location.atLine(file.path(), r.line())).property("apk:origin", origin == null ? name : origin)
          .property("os:distro", os.distro());
      String license = r.get('L');
      if (license != null) {
        b.license(SpdxLicenses.normalize(license));
      }
      String checksum = r.get('C');
      if (checksum != null && checksum.startsWith("Q1")) {
        try {
          b.hash("SHA-1", HexFormat.of().formatHex(Base64.getDecoder().decode(checksum.substring(2))));
        } catch (IllegalArgumentException e) {
          // not base64: no hash
        }
      }
      String ref = b.build().ref();
      builders.putIfAbsent(ref, b);
      byRef.put(ref, r);
      refByName.put(name, ref);
      String provides = r.get('p');
      if (provides != null) {
        for (String p : provides.split(" ")) {
          refByName.putIfAbsent(capability(p), ref);
        }
      }
    }
    byRef.forEach((ref, r) -> {
      String deps = r.get('D');
      if (deps == null) {
        return;
      }
      for (String d : deps.split(" ")) {
        if (d.isEmpty() || d.startsWith("!")) {
          continue;
        }
        String to = refByName.get(capability(d));
        if (to != null && !to.equals(ref)) {
          builders.get(ref).dependsOn(to);
        }
      }
    });
    List<Component> out = new ArrayList<>();
    builders.values().forEach(b -> out.add(b.build()));
    addOs(out, os, prefix);
    return out;
  }

  /** {@code so:libc.musl-x86_64.so.1=1} or {@code musl>=1.2} to the capability name. */
  static String capability(String s) {
    int end = 0;
    while (end < s.length() && "=<>~".indexOf(s.charAt(end)) < 0) {
      end++;
    }
    return s.substring(0, end);
  }

  private static List<Record> parse(String text) {
    List<Record> out = new ArrayList<>();
    Map<Character, List<String>> current = new HashMap<>();
    int start = 1;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          out.add(new Record(current, start));
          current = new HashMap<>();
        }
        start = i + 2;
        continue;
      }
      if (line.length() >= 2 && line.charAt(1) == ':') {
        current.computeIfAbsent(line.charAt(0), k -> new ArrayList<>()).add(line.substring(2).strip());
      }
    }
    if (!current.isEmpty()) {
      out.add(new Record(current, start));
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
