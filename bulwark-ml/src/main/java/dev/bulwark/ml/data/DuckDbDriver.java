package dev.bulwark.ml.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.LoggerFactory;

/**
 * Opens in-memory DuckDB connections. The DuckDB JDBC jar inflates its 70 MB native library into a
 * new temporary file at every start (about half a second, more on a busy machine) and has no setting
 * to reuse one. So the driver is loaded here from its own jar through a class loader that hides the
 * bundled library and answers {@code System.loadLibrary("duckdb_java")} with a copy extracted once
 * into the user's cache directory, keyed by the library entry's CRC and size. When anything about
 * that is unavailable (no jar, an unknown platform, an unwritable cache) the driver is used as
 * shipped. Thread-safe.
 */
final class DuckDbDriver {
  private static final String DRIVER = "org.duckdb.DuckDBDriver";
  private static final String LIBRARY = "duckdb_java";
  private static Driver cached;

  private DuckDbDriver() {}

  static Connection connect() throws SQLException {
    Driver d = driver();
    if (d == null) {
      try {
        Class.forName(DRIVER);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("DuckDB JDBC driver missing from the class path", e);
      }
      return DriverManager.getConnection("jdbc:duckdb:", new Properties());
    }
    return d.connect("jdbc:duckdb:", new Properties());
  }

  private static synchronized Driver driver() {
    if (cached == null && !Boolean.getBoolean("bulwark.ml.duckdb.noCache")) {
      try {
        cached = loadWithCachedLibrary();
      } catch (IOException | ReflectiveOperationException | URISyntaxException | RuntimeException e) {
        // the logger only on this path: without an SLF4J provider its first use prints a warning
        LoggerFactory.getLogger(DuckDbDriver.class).debug("DuckDB native library cache not used: {}", e.toString());
      }
    }
    return cached;
  }

  private static Driver loadWithCachedLibrary() throws IOException, ReflectiveOperationException, URISyntaxException {
    String entryName = bundledLibraryName();
    URL classUrl = DuckDbDriver.class.getClassLoader().getResource(DRIVER.replace('.', '/') + ".class");
    if (entryName == null || classUrl == null || !classUrl.getProtocol().equals("jar")) {
      return null;
    }
    String spec = classUrl.getPath();
    Path jar = Path.of(new URI(spec.substring(0, spec.indexOf("!/"))));
    Path library;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(entryName);
      if (entry == null || entry.getSize() <= 0) {
        return null;
      }
      library = extractOnce(zip, entry);
    }
    ClassLoader loader = new CachedLibraryLoader(jar.toUri().toURL(), library);
    return (Driver) Class.forName(DRIVER, true, loader).getConstructor().newInstance();
  }

  /** The name under which the DuckDB jar bundles the library for this platform, as its loader spells it. */
  private static String bundledLibraryName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macos" : os.startsWith("windows") ? "windows" : null;
    String a = arch.equals("amd64") || arch.equals("x86_64") ? "amd64" : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : null;
    return o == null || a == null ? null : "libduckdb_java.so_" + o + "_" + a;
  }

  private static Path extractOnce(ZipFile zip, ZipEntry entry) throws IOException {
    String home = System.getProperty("user.home");
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache");
    Path dir = base.resolve("bulwark").resolve("duckdb").resolve(Long.toHexString(entry.getCrc()) + "-" + entry.getSize());
    Path library = dir.resolve(System.mapLibraryName(LIBRARY));
    if (Files.isRegularFile(library) && Files.size(library) == entry.getSize()) {
      return library;
    }
    createPrivateDirectories(dir);
    Path part = Files.createTempFile(dir, "extract", ".part");
    try (InputStream in = zip.getInputStream(entry)) {
      Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
      try {
        Files.move(part, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, library, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(part);
    }
    return library;
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      // owner-only: a library others could replace would run as this user
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Loads the DuckDB classes from their jar, with the bundled library hidden and the cached one named instead. */
  private static final class CachedLibraryLoader extends URLClassLoader {
    private final Path library;

    CachedLibraryLoader(URL jar, Path library) {
      super("duckdb-cached-library", new URL[] {jar}, ClassLoader.getPlatformClassLoader());
      this.library = library;
    }

    @Override
    public URL getResource(String name) {
      String n = name.startsWith("/") ? name.substring(1) : name;
      return n.startsWith("libduckdb_java") ? null : super.getResource(name);
    }

    @Override
    protected String findLibrary(String name) {
      return name.equals(LIBRARY) ? library.toAbsolutePath().toString() : null;
    }
  }
}
