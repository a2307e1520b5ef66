package dev.bulwark.sbom.java;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.sbom.license.SpdxLicenses;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Java archives (jar, war, ear and plugin variants): one component per {@code META-INF/maven/**}/pom.properties
 * (a shaded jar lists every artifact it embeds), else one from the manifest ({@code Implementation-*},
 * {@code Bundle-*}) and the file name. Nested archives are not opened here: the engine delivers them as
 * their own files ({@code app.war!WEB-INF/lib/x.jar}), so each jar is counted once.
 */
public final class JavaArchiveCataloger implements Cataloger {

  private static final long MAX_ENTRY = 1 << 20;

  @Override
  public String id() {
    return "sbom/java-archive";
  }

  @Override
  public boolean claims(ScanFile file) {
    String n = file.name().toLowerCase(Locale.ROOT);
    return (n.endsWith(".jar") || n.endsWith(".war") || n.endsWith(".ear") || n.endsWith(".jpi")
        || n.endsWith(".hpi") || n.endsWith(".par") || n.endsWith(".sar") || n.endsWith(".kar"))
        && file.kind() == FileKind.ZIP;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    Map<String, byte[]> wanted = new LinkedHashMap<>();
    int maxEntries = context.limits().maxArchiveEntries();
    try {
      if (file.localPath().isPresent()) {
        try (ZipFile zip = new ZipFile(file.localPath().get().toFile())) {
          int count = 0;
          for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements() && count++ < maxEntries; ) {
            ZipEntry e = en.nextElement();
            if (isWanted(e.getName())) {
              try (InputStream in = zip.getInputStream(e)) {
                wanted.put(e.getName(), bounded(file, e.getName(), in));
              }
            }
          }
        }
      } else {
        try (ZipInputStream zin = new ZipInputStream(file.open())) {
          ZipEntry e;
          int count = 0;
          while ((e = zin.getNextEntry()) != null && count++ < maxEntries) {
            if (isWanted(e.getName())) {
              wanted.put(e.getName(), bounded(file, e.getName(), zin));
            }
          }
        }
      }
    } catch (java.util.zip.ZipException | IllegalArgumentException e) {
      throw new UnreadableInputException(file.path(), "malformed zip: " + e.getMessage(), e);
    }
    Manifest manifest = null;
    byte[] mf = wanted.get("META-INF/MANIFEST.MF");
    if (mf != null) {
      try {
        manifest = new Manifest(new ByteArrayInputStream(mf));
      } catch (IOException | RuntimeException e) {
        manifest = null;
      }
    }
    String license = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-License");
    String stem = stem(file.name());
    List<Component> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : wanted.entrySet()) {
      if (!e.getKey().endsWith("/pom.properties")) {
        continue;
      }
      Properties p = new Properties();
      try {
        p.load(new ByteArrayInputStream(e.getValue()));
      } catch (IllegalArgumentException ex) {
        continue;
      }
      String g = trim(p.getProperty("groupId"));
      String a = trim(p.getProperty("artifactId"));
      String v = trim(p.getProperty("version"));
      if (g == null || a == null) {
        continue;
      }
      Component.Builder b = Component.builder(ComponentType.LIBRARY, a).group(g).version(v)
          .purl(Purls.maven(g, a, v)).ecosystem(Ecosystems.MAVEN)
          .location(Location.of(file.path())).property("bulwark:identifiedBy", "pom.properties");
      boolean own = stem.equals(a + (v == null ? "" : "-" + v)) || stem.equals(a);
      if (own && license != null) {
        b.licenses(SpdxLicenses.fromBundleLicense(license));
      }
      if (!own) {
        b.property("bulwark:evidence", file.path() + "!" + e.getKey());
      }
      out.add(b.build());
    }
    if (out.isEmpty()) {
      Component fromManifest = fromManifest(file, manifest, stem, license);
      if (fromManifest != null) {
        out.add(fromManifest);
      }
    }
    return out;
  }

  private static Component fromManifest(ScanFile file, Manifest manifest, String stem, String license) {
    Attributes a = manifest == null ? new Attributes() : manifest.getMainAttributes();
    String[] nv = splitNameVersion(stem);
    String name = nv[0];
    if (name == null || name.isEmpty()) {
      name = firstNonBlank(a.getValue("Implementation-Title"), bundleName(a.getValue("Bundle-SymbolicName")));
    }
    String version = firstNonBlank(a.getValue("Implementation-Version"), a.getValue("Bundle-Version"),
        a.getValue("Specification-Version"), nv[1]);
    if (name == null) {
      return null;
    }
    String group = trim(a.getValue("Implementation-Vendor-Id"));
    if (group == null) {
      group = groupFromSymbolicName(bundleName(a.getValue("Bundle-SymbolicName")), name);
    }
    Component.Builder b = Component.builder(ComponentType.LIBRARY, name).group(group).version(version)
        .purl(Purls.maven(group, name, version)).ecosystem(Ecosystems.MAVEN)
        .location(Location.of(file.path())).property("bulwark:identifiedBy", manifest == null ? "file-name" : "manifest");
    if (license != null) {
      b.licenses(SpdxLicenses.fromBundleLicense(license));
    }
    return b.build();
  }

  /**
   * Inverts maven-bundle-plugin's default symbolic name: {@code groupId} when the artifact is the group's last
   * segment ({@code org.opentest4j}), {@code groupId.rest} for artifact {@code last-rest}
   * ({@code org.apiguardian.api}), else {@code groupId.artifactId}. Unknown when none fits.
   */
  static String groupFromSymbolicName(String bsn, String artifact) {
    if (bsn == null || artifact == null || !bsn.contains(".")) {
      return null;
    }
    int lastDot = bsn.lastIndexOf('.');
    String prefix = bsn.substring(0, lastDot);
    String last = bsn.substring(lastDot + 1);
    if (last.equals(artifact)) {
      return artifact.contains("-") ? prefix : bsn;
    }
    String prefixLast = prefix.substring(prefix.lastIndexOf('.') + 1);
    if (artifact.equals(prefixLast + "-" + last)) {
      return prefix;
    }
    return null;
  }

  private static String bundleName(String bsn) {
    if (bsn == null) {
      return null;
    }
    int semi = bsn.indexOf(';');
    return trim(semi < 0 ? bsn : bsn.substring(0, semi));
  }

  private static boolean isWanted(String name) {
    return name.equals("META-INF/MANIFEST.MF")
        || name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties");
  }

  private static byte[] bounded(ScanFile file, String entry, InputStream in) throws IOException {
    byte[] b = in.readNBytes((int) MAX_ENTRY + 1);
    if (b.length > MAX_ENTRY) {
      throw new UnreadableInputException(file.path(), "entry " + entry + " is larger than " + MAX_ENTRY + " bytes");
    }
    return b;
  }

  static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? fileName : fileName.substring(0, dot);
  }

  /** {@code commons-lang3-3.12.0} to name and version: the version starts at the first {@code -digit}. */
  static String[] splitNameVersion(String stem) {
    for (int i = 0; i + 1 < stem.length(); i++) {
      if (stem.charAt(i) == '-' && Character.isDigit(stem.charAt(i + 1))) {
        return new String[] {stem.substring(0, i), stem.substring(i + 1)};
      }
    }
    return new String[] {stem, null};
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      String t = trim(v);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
