package dev.bulwark.sbom.python;

import dev.bulwark.model.Component;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Pep503;
import dev.bulwark.sbom.license.SpdxLicenses;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Installed Python distributions: {@code *.dist-info/METADATA} (wheels, pip installs), {@code *.egg-info/PKG-INFO}
 * and single-file {@code *.egg-info} (setuptools). Name, version, licence (License-Expression, License,
 * classifiers) and edges to the distributions installed beside it that {@code Requires-Dist} names.
 * An editable install ({@code direct_url.json} with {@code editable}) is first-party.
 */
public final class PythonMetadataCataloger implements Cataloger {

  private static final long MAX_HEADER_BYTES = 4L << 20;

  @Override
  public String id() {
    return "sbom/python-installed";
  }

  @Override
  public boolean claims(ScanFile file) {
    String n = file.name();
    String parent = file.parent();
    boolean named = n.equals("METADATA") && parent.endsWith(".dist-info")
        || n.equals("PKG-INFO") && (parent.endsWith(".egg-info") || parent.endsWith("EGG-INFO"))
        || n.endsWith(".egg-info") && !n.equals(".egg-info");
    return named && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    byte[] bytes;
    try (java.io.InputStream in = file.open()) {
      // the headers come first; a long description after them is not needed
      bytes = in.readNBytes((int) MAX_HEADER_BYTES);
    }
    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    CoreMetadata m = CoreMetadata.parse(text);
    String name = m.first("Name");
    String version = m.first("Version");
    if (name == null) {
      throw new UnreadableInputException(file.path(), "core metadata has no Name field");
    }
    Component.Builder b = PyComponents.library(name, version, Location.of(file.path()));
    String expression = m.first("License-Expression");
    String license = m.first("License");
    List<String> fromClassifiers = SpdxLicenses.fromClassifiers(m.all("Classifier"));
    if (expression != null) {
      b.license(SpdxLicenses.normalize(expression));
    } else if (license != null && license.length() > 200 && dev.bulwark.sbom.license.LicenseTexts.identify(license).isPresent()) {
      b.license(dev.bulwark.sbom.license.LicenseTexts.identify(license).get().id());
    } else if (license != null && !license.isBlank() && !license.equalsIgnoreCase("UNKNOWN")) {
      String n = SpdxLicenses.normalize(license);
      if (!fromClassifiers.isEmpty() && (SpdxLicenses.id(n) == null && !n.contains(" OR ") && !n.contains(" AND "))) {
        b.licenses(fromClassifiers);
      } else {
        b.license(n);
      }
    } else {
      b.licenses(fromClassifiers);
    }
    if (file.name().equals("METADATA")) {
      editable(file, context).ifPresent(url -> b.firstParty(true).property("python:editable", url));
      String dir = file.parent();
      int cut = Math.max(dir.lastIndexOf('/'), dir.lastIndexOf('!'));
      String folder = cut < 0 ? "" : dir.substring(0, cut);
      InstalledPackageIndex index = InstalledPackageIndex.of(context.tree());
      for (String req : m.all("Requires-Dist")) {
        Pep508 p = Pep508.parse(req);
        if (p == null || p.marker() != null && p.marker().contains("extra")) {
          continue;
        }
        String dep = Pep503.normalize(p.name());
        String v = index.version(folder, dep);
        if (v != null) {
          b.dependsOn(PyComponents.ref(dep, v));
        }
      }
    }
    return List.of(b.build());
  }

  /** The URL of an editable install from the PEP 610 {@code direct_url.json} beside the METADATA. */
  private static Optional<String> editable(ScanFile metadata, ScanContext context) {
    Optional<ScanFile> direct = context.tree().sibling(metadata, "direct_url.json");
    if (direct.isEmpty() || direct.get().size() > 1 << 20) {
      return Optional.empty();
    }
    try {
      var node = Parsers.json(direct.get(), context);
      if (node.path("dir_info").path("editable").asBoolean(false)) {
        return Optional.ofNullable(Parsers.text(node, "url"));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** RFC 822 style headers up to the first blank line; continuation lines start with whitespace. */
  record CoreMetadata(List<String[]> fields) {

    static CoreMetadata parse(String text) {
      List<String[]> fields = new ArrayList<>();
      String[] lines = text.split("\n", -1);
      for (String raw : lines) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (line.isEmpty()) {
          break;
        }
        if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
          String[] last = fields.get(fields.size() - 1);
          last[1] = last[1] + "\n" + line.strip();
          continue;
        }
        int colon = line.indexOf(':');
        if (colon > 0) {
          fields.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
        }
      }
      return new CoreMetadata(fields);
    }

    String first(String key) {
      for (String[] f : fields) {
        if (f[0].equalsIgnoreCase(key)) {
          return f[1].isEmpty() ? null : f[1];
        }
      }
      return null;
    }

    List<String> all(String key) {
      List<String> out = new ArrayList<>();
      for (String[] f : fields) {
        if (f[0].equalsIgnoreCase(key)) {
          out.add(f[1]);
        }
      }
      return out;
    }
  }
}
