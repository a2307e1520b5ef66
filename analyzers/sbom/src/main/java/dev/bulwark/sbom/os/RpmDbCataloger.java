package dev.bulwark.sbom.os;

import dev.bulwark.model.Component;
import dev.bulwark.model.ComponentType;
import dev.bulwark.model.Location;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.sbom.license.SpdxLicenses;
import dev.bulwark.spi.Cataloger;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * RPM packages from the rpm database, in any of its three on-disk formats:
 * <ul>
 *   <li>SQLite ({@code rpmdb.sqlite}, RPM 4.16+: Fedora 33+, RHEL/Alma/Rocky 9, recent openSUSE), opened
 *       read-only and immutable (a copy in the temp folder when the file has no local path);</li>
 *   <li>Berkeley DB hash ({@code Packages}: RHEL/CentOS/Alma/Rocky 8 and older, UBI 8, Amazon Linux 2), read by
 *       {@link RpmBerkeleyDb} from the bytes, without libdb;</li>
 *   <li>NDB ({@code Packages.db}: SUSE), read by {@link RpmNdb}.</li>
 * </ul>
 * A file is claimed by its name under {@code var/lib/rpm/} or {@code usr/lib/sysimage/rpm/} and by its content
 * (SQLite, Berkeley DB hash magic {@code 0x061561}, NDB magic {@code RpmP}). The Berkeley DB and NDB files are
 * read whole up to {@link dev.bulwark.spi.Limits#maxFileBytes()}; both readers bound page numbers, overflow chains
 * (no cycles), blob sizes and package counts, and a malformed file is an {@link UnreadableInputException}.
 * Each header blob is decoded by {@link RpmHeader}. purls {@code pkg:rpm/<id>/name@[epoch:]version-release}
 * with {@code arch}, {@code distro} and the source rpm as {@code upstream}, the same for all formats.
 */
public final class RpmDbCataloger implements Cataloger {

  private static final int MAX_PACKAGES = 200_000;
  private static final int MAX_BLOB = 64 << 20;

  @Override
  public String id() {
    return "sbom/rpm-db";
  }

  @Override
  public boolean claims(ScanFile file) {
    return switch (file.name()) {
      case "rpmdb.sqlite" -> file.kind() == FileKind.SQLITE;
      case "Packages" -> inRpmFolder(file) && RpmBerkeleyDb.looksLikeHash(file.head());
      case "Packages.db" -> inRpmFolder(file) && RpmNdb.looksLikeNdb(file.head());
      default -> false;
    };
  }

  private static boolean inRpmFolder(ScanFile file) {
    String parent = file.parent();
    return parent.endsWith("var/lib/rpm") || parent.endsWith("usr/lib/sysimage/rpm");
  }

  private static String prefix(String path, String name) {
    for (String folder : new String[] {"var/lib/rpm/", "usr/lib/sysimage/rpm/"}) {
      String suffix = folder + name;
      if (path.endsWith(suffix)) {
        return path.substring(0, path.length() - suffix.length());
      }
    }
    return "";
  }

  @Override
  public List<Component> catalog(ScanFile file, ScanContext context) throws IOException {
    String path = file.path();
    String prefix = prefix(path, file.name());
    OsRelease os = OsRelease.find(prefix, context);
    if (!file.name().equals("rpmdb.sqlite")) {
      byte[] data = file.readAllBytes(context.limits().maxFileBytes());
      Headers headers = new Headers(file, os);
      if (file.name().equals("Packages")) {
        RpmBerkeleyDb.read(path, data, MAX_BLOB, MAX_PACKAGES, headers::add);
      } else {
        RpmNdb.read(path, data, MAX_BLOB, MAX_PACKAGES, headers::add);
      }
      List<Component> out = new ArrayList<>(headers.linked());
      addOs(out, os, prefix);
      return out;
    }
    Path db = file.localPath().orElse(null);
    Path temp = null;
    try {
      if (db == null) {
        if (file.size() > context.limits().maxFileBytes()) {
          throw new UnreadableInputException(path, "rpm database larger than " + context.limits().maxFileBytes() + " bytes");
        }
        temp = Files.createTempFile("bulwark-rpmdb", ".sqlite");
        try (InputStream in = file.open()) {
          Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        db = temp;
      }
      List<Component> out = new ArrayList<>(read(file, db, os));
      addOs(out, os, prefix);
      return out;
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private List<Component> read(ScanFile file, Path db, OsRelease os) throws IOException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.OPEN_URI);
    String url = "jdbc:sqlite:" + db.toUri().toString().replace("file:///", "file:/") + "?immutable=1";
    Headers headers = new Headers(file, os);
    try (Connection c = config.createConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT blob FROM Packages")) {
      int count = 0;
      while (rs.next()) {
        if (++count > MAX_PACKAGES) {
          throw new UnreadableInputException(file.path(), "more than " + MAX_PACKAGES + " packages");
        }
        byte[] blob = rs.getBytes(1);
        if (blob == null || blob.length > MAX_BLOB) {
          continue;
        }
        headers.add(blob);
      }
    } catch (SQLException e) {
      throw new UnreadableInputException(file.path(), "not a readable rpm database: " + e.getMessage(), e);
    }
    return headers.linked();
  }

  /** Turns header blobs into components, then links Requires to the packages that provide them. */
  private static final class Headers {
    private final ScanFile file;
    private final OsRelease os;
    private final String namespace;
    private final List<Component> out = new ArrayList<>();
    private final Map<String, String> refByCapability = new HashMap<>();
    private final Map<String, List<String>> requires = new HashMap<>();
    private int count;

    Headers(ScanFile file, OsRelease os) {
      this.file = file;
      this.os = os;
      this.namespace = os.id() == null ? "redhat" : os.id();
    }

    void add(byte[] blob) throws UnreadableInputException {
      count++;
      RpmHeader h;
      try {
        h = RpmHeader.parse(blob);
      } catch (IllegalArgumentException e) {
        throw new UnreadableInputException(file.path(), "package header " + count + ": " + e.getMessage());
      }
      String name = h.string(RpmHeader.NAME);
      if (name == null || name.equals("gpg-pubkey")) {
        return;
      }
      String version = h.string(RpmHeader.VERSION);
      String release = h.string(RpmHeader.RELEASE);
      Integer epoch = h.integer(RpmHeader.EPOCH);
      String evr = (epoch != null && epoch > 0 ? epoch + ":" : "") + version + (release == null ? "" : "-" + release);
      String sourceRpm = h.string(RpmHeader.SOURCERPM);
      Map<String, String> q = new LinkedHashMap<>();
      q.put("arch", h.string(RpmHeader.ARCH));
      q.put("distro", os.distro());
      if (sourceRpm != null && !sourceRpm.equals("(none)")) {
        q.put("upstream", sourceRpm);
      }
      Component.Builder b = Component.builder(ComponentType.LIBRARY, name).version(evr)
          .purl(Purls.of("rpm", namespace, name, evr, q)).ecosystem(os.osvEcosystem())
          .location(Location.of(file.path())).property("rpm:sourceRpm", sourceRpm).property("os:distro", os.distro());
      String license = h.string(RpmHeader.LICENSE);
      if (license != null) {
        b.license(SpdxLicenses.normalize(license));
      }
      Component built = b.build();
      out.add(built);
      refByCapability.putIfAbsent(name, built.ref());
      for (String cap : h.strings(RpmHeader.PROVIDENAME)) {
        refByCapability.putIfAbsent(cap, built.ref());
      }
      requires.put(built.ref(), h.strings(RpmHeader.REQUIRENAME));
    }

    // Requires name capabilities (a package, a library soname, a file): edges to whichever package provides them
    List<Component> linked() {
      List<Component> linked = new ArrayList<>();
      for (Component c : out) {
        Component.Builder b = c.toBuilder();
        for (String cap : requires.getOrDefault(c.ref(), List.of())) {
          String to = refByCapability.get(cap);
          if (to != null && !to.equals(c.ref()) && !cap.startsWith("rpmlib(")) {
            b.dependsOn(to);
          }
        }
        linked.add(b.build());
      }
      return linked;
    }
  }

  private static void addOs(List<Component> out, OsRelease os, String prefix) {
    Component c = os.component(prefix + "etc/os-release");
    if (c != null) {
      out.add(c);
    }
  }
}
