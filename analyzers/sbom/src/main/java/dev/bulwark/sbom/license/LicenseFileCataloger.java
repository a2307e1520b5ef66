package dev.bulwark.sbom.license;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Licence files ({@code LICENSE}, {@code LICENCE}, {@code COPYING}, {@code UNLICENSE}, with or without an
 * extension or a {@code -MIT}-style or {@code _1_0}-style suffix): a {@code file} component carrying the SPDX id identified from the
 * text ({@link LicenseTexts}) or from an {@code SPDX-License-Identifier} line. Files under
 * {@code node_modules}, {@code site-packages} or inside archives belong to third-party packages.
 */
public final class LicenseFileCataloger implements Cataloger {

  private static final long MAX_BYTES = 512 << 10;

  @Override
  public String id() {
    return "sbom/license-file";
  }

  @Override
  public boolean claims(ScanFile file) {
    String n = file.name().toLowerCase(Locale.ROOT);
    int dot = n.indexOf('.');
    String stem = dot < 0 ? n : n.substring(0, dot);
    String ext = dot < 0 ? "" : n.substring(dot + 1);
    boolean named = (stem.equals("license") || stem.equals("licence") || stem.equals("copying") || stem.equals("unlicense")
        || stem.startsWith("license-") || stem.startsWith("licence-") || stem.startsWith("copying-")
        || stem.startsWith("license_") || stem.startsWith("licence_")) // Boost's LICENSE_1_0.txt
        && (ext.isEmpty() || ext.equals("txt") || ext.equals("md") || ext.equals("rst")
            || stem.equals("copying") && (ext.equals("lesser") || ext.equals("lib")));
    return named && file.size() <= MAX_BYTES && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String text = Parsers.readText(file, context);
    String id = null;
    String method = null;
    int spdx = text.indexOf("SPDX-License-Identifier:");
    if (spdx >= 0) {
      int end = text.indexOf('\n', spdx);
      String declared = text.substring(spdx + "SPDX-License-Identifier:".length(), end < 0 ? text.length() : end).strip();
      String n = SpdxLicenses.normalize(declared);
      if (n != null && (SpdxLicenses.id(n) != null || SpdxLicenses.expression(n) != null)) {
        id = n;
        method = "spdx-identifier";
      }
    }
    if (id == null) {
      var match = LicenseTexts.identify(text);
      if (match.isPresent()) {
        id = match.get().id();
        method = "text-match:" + String.format(Locale.ROOT, "%.3f", match.get().similarity());
      }
    }
    if (id == null) {
      return List.of();
    }
    String p = file.path();
    boolean thirdParty = dev.bulwark.sbom.internal.VendoredPaths.isVendored(p);
    return List.of(Component.builder(ComponentType.FILE, p).ref("file:" + p).license(id).firstParty(!thirdParty)
        .location(Location.of(p)).property("bulwark:licenseFile", "true").property("bulwark:licenseIdentifiedBy", method)
        .build());
  }
}
