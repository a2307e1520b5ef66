package dev.bulwark.sbom.dotnet;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.sbom.internal.SecureXml;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Legacy NuGet {@code packages.config}: every package is installed at its exact version (transitives included). */
public final class PackagesConfigCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/nuget-packages-config";
  }

  @Override
  public boolean claims(ScanFile file) {
    return file.name().equalsIgnoreCase("packages.config") && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    Element root = SecureXml.parse(file.path(), Parsers.read(file, context)).getDocumentElement();
    List<Component> out = new ArrayList<>();
    for (Element p : SecureXml.children(root, "package")) {
      String id = p.getAttribute("id");
      String version = p.getAttribute("version");
      if (id.isBlank()) {
        continue;
      }
      Component.Builder b = Component.builder(ComponentType.LIBRARY, id).version(version.isBlank() ? null : version)
          .purl(Purls.of("nuget", null, id, version.isBlank() ? null : version)).ecosystem(Ecosystems.NUGET)
          .location(Location.of(file.path()))
          .kind("true".equalsIgnoreCase(p.getAttribute("developmentDependency")) ? DependencyKind.DEVELOPMENT : DependencyKind.RUNTIME);
      if (!p.getAttribute("targetFramework").isBlank()) {
        b.property("nuget:targetFramework", p.getAttribute("targetFramework"));
      }
      out.add(b.build());
    }
    return out;
  }
}
