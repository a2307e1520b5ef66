package dev.bulwark.sbom.python;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Installed conda packages: one {@code conda-meta/<name>-<version>-<build>.json} record per package. */
public final class CondaMetaCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/conda-meta";
  }

  @Override
  public boolean claims(ScanFile file) {
    String parent = file.parent();
    return (parent.equals("conda-meta") || parent.endsWith("/conda-meta")) && file.name().endsWith(".json")
        && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    JsonNode p = Parsers.json(file, context);
    String name = Parsers.text(p, "name");
    String version = Parsers.text(p, "version");
    if (name == null) {
      throw new UnreadableInputException(file.path(), "conda package record has no name");
    }
    String channel = Parsers.text(p, "channel");
    String subdir = Parsers.text(p, "subdir");
    if (channel != null && subdir != null && channel.endsWith("/" + subdir)) {
      channel = channel.substring(0, channel.length() - subdir.length() - 1);
    }
    if (channel != null) {
      String trimmed = channel.endsWith("/") ? channel.substring(0, channel.length() - 1) : channel;
      int slash = trimmed.lastIndexOf('/');
      channel = slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }
    Component.Builder b = Component.builder(ComponentType.LIBRARY, name).version(version)
        .purl(Purls.of("conda", null, name, version, Map.of("channel", channel == null ? "" : channel,
            "build", String.valueOf(Parsers.text(p, "build") == null ? "" : Parsers.text(p, "build")),
            "subdir", subdir == null ? "" : subdir)))
        .location(Location.of(file.path()));
    b.license(SpdxLicenses.normalize(Parsers.text(p, "license")));
    String sha = Parsers.text(p, "sha256");
    if (sha != null) {
      b.hash("SHA-256", sha.toLowerCase(Locale.ROOT));
    }
    String md5 = Parsers.text(p, "md5");
    if (md5 != null) {
      b.hash("MD5", md5.toLowerCase(Locale.ROOT));
    }
    return List.of(b.build());
  }
}
