package dev.bulwark.sbom.dotnet;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.DependencyKind;
import dev.bulwark.model.DependencyScope;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Ecosystems;
import dev.bulwark.sbom.internal.LineIndex;
import dev.bulwark.sbom.internal.Parsers;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.sbom.internal.SecureXml;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code PackageReference} items of MSBuild projects ({@code *.csproj}, {@code *.fsproj}, {@code *.vbproj}),
 * with central package management ({@code Directory.Packages.props} in the project's folder or above) and
 * versions given through MSBuild properties of the project, the nearest {@code Directory.Build.props} (and what
 * it imports) or {@code Directory.Packages.props}, read statically by {@link MsBuildProperties}. A
 * project with a {@code packages.lock.json} beside it is left to the lockfile. Ranges and floating versions
 * are kept unpinned; {@code PrivateAssets="all"} marks build-time (development) references.
 */
public final class CsprojCataloger implements Cataloger {

  @Override
  public String id() {
    return "sbom/msbuild-project";
  }

  @Override
  public boolean claims(ScanFile file) {
    String n = file.name().toLowerCase(Locale.ROOT);
    return (n.endsWith(".csproj") || n.endsWith(".fsproj") || n.endsWith(".vbproj")) && file.kind() == FileKind.TEXT;
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    if (context.tree().sibling(file, "packages.lock.json").isPresent()) {
      return List.of();
    }
    byte[] bytes = Parsers.read(file, context);
    Element project = SecureXml.parse(file.path(), bytes).getDocumentElement();
    MsBuildProperties properties = new MsBuildProperties(context);
    properties.fileAbove(file.parent(), "Directory.Build.props").ifPresent(properties::read);
    List<MsBuildProperties.Read> buildProps = properties.filesRead();
    Optional<Element> packagesProps = properties.fileAbove(file.parent(), "Directory.Packages.props").flatMap(properties::read);
    properties.define(file, project, 0);
    Map<String, String> central = packagesProps.map(root -> centralVersions(root, properties)).orElse(Map.of());
    List<Component> out = new ArrayList<>();
    // items every project gets: PackageReference in Directory.Build.props (and what it imports), evaluated
    // before the project's own items, and GlobalPackageReference of central package management (always
    // PrivateAssets="all": analyzers, versioning tools)
    for (MsBuildProperties.Read props : buildProps) {
      references(props.file(), props.root(), "PackageReference", false, central, properties, out);
    }
    packagesProps.ifPresent(root -> properties.fileAbove(file.parent(), "Directory.Packages.props")
        .ifPresent(f -> references(f, root, "GlobalPackageReference", true, central, properties, out)));
    references(file, project, "PackageReference", false, central, properties, out);
    return out;
  }

  /** The {@code tag} items of one file ({@code Include} only: an {@code Update} changes items, it adds none). */
  private static void references(ScanFile file, Element root, String tag, boolean development, Map<String, String> central,
      MsBuildProperties properties, List<Component> out) {
    String text;
    try {
      text = new String(file.readAllBytes(1 << 20), StandardCharsets.UTF_8);
    } catch (IOException e) {
      text = "";
    }
    LineIndex lines = new LineIndex(text);
    NodeList refs = root.getElementsByTagName(tag);
    for (int i = 0; i < refs.getLength(); i++) {
      Element r = (Element) refs.item(i);
      String name = r.getAttribute("Include");
      if (name.isBlank()) {
        continue;
      }
      String version = attrOrChild(r, "Version");
      if (version == null) {
        version = attrOrChild(r, "VersionOverride");
      }
      if (version == null) {
        version = central.get(name.toLowerCase(Locale.ROOT));
      }
      String expanded = properties.expand(version);
      version = expanded == null ? version : expanded;
      String pinned = pinned(version);
      String privateAssets = attrOrChild(r, "PrivateAssets");
      Component.Builder b = Component.builder(ComponentType.LIBRARY, name).version(pinned)
          .purl(Purls.of("nuget", null, name, pinned)).ecosystem(Ecosystems.NUGET).scope(DependencyScope.DIRECT)
          .kind(development || "all".equalsIgnoreCase(privateAssets) ? DependencyKind.DEVELOPMENT : DependencyKind.RUNTIME);
      if (pinned == null) {
        b.property(Component.UNPINNED, "true").property("nuget:versionRange", version);
      }
      int at = text.indexOf("\"" + name + "\"");
      b.location(at < 0 ? Location.of(file.path()) : Location.atLine(file.path(), lines.line(at)));
      out.add(b.build());
    }
  }

  /** {@code 1.2.3} and {@code [1.2.3]} pin a version; ranges and floating versions do not. */
  static String pinned(String version) {
    if (version == null || version.isBlank() || version.contains("$(") || version.contains("*")) {
      return null;
    }
    String v = version.strip();
    if (v.startsWith("[") && v.endsWith("]") && !v.contains(",")) {
      return v.substring(1, v.length() - 1).strip();
    }
    if (v.startsWith("[") || v.startsWith("(") || v.contains(",")) {
      return null;
    }
    return v;
  }

  private static String attrOrChild(Element e, String name) {
    String a = e.getAttribute(name);
    if (!a.isBlank()) {
      return a.strip();
    }
    return SecureXml.childText(e, name);
  }

  /** PackageVersion items of the nearest Directory.Packages.props, their versions expanded. */
  private static Map<String, String> centralVersions(Element root, MsBuildProperties properties) {
    Map<String, String> out = new HashMap<>();
    NodeList items = root.getElementsByTagName("PackageVersion");
    for (int i = 0; i < items.getLength(); i++) {
      Element item = (Element) items.item(i);
      String v = attrOrChild(item, "Version");
      if (!item.getAttribute("Include").isBlank() && v != null) {
        String expanded = properties.expand(v);
        out.put(item.getAttribute("Include").toLowerCase(Locale.ROOT), expanded == null ? v : expanded);
      }
    }
    return out;
  }
}
