package dev.bulwark.vuln.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db update} against a real local HTTP server serving a real OSV zip (the shared CRAN.zip when
 * present, else a zip of the fixture advisories): first download, 304 on the next run, a transfer that
 * breaks off half way (database untouched) and its resumption with a Range request.
 */
class OsvDownloaderTest {

  @TempDir
  Path tmp;

  private HttpServer server;
  private byte[] zip;
  private final String etag = "\"v1\"";
  private volatile boolean breakTransfer;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    Optional<Path> shared = Fixtures.shared().map(p -> p.resolve("data/osv/CRAN.zip")).filter(Files::isRegularFile);
    zip = shared.isPresent() ? Files.readAllBytes(shared.get()) : fixtureZip();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/CRAN/all.zip", this::serve);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void serve(HttpExchange ex) throws IOException {
    String inm = ex.getRequestHeaders().getFirst("If-None-Match");
    String range = ex.getRequestHeaders().getFirst("Range");
    requests.add((inm != null ? "If-None-Match " + inm : "") + (range != null ? "Range " + range : ""));
    ex.getResponseHeaders().add("ETag", etag);
    if (etag.equals(inm)) {
      ex.sendResponseHeaders(304, -1);
      ex.close();
      return;
    }
    int from = 0;
    if (range != null && etag.equals(ex.getRequestHeaders().getFirst("If-Range"))) {
      from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
      ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (zip.length - 1) + "/" + zip.length);
      ex.sendResponseHeaders(206, zip.length - from);
    } else {
      ex.sendResponseHeaders(200, zip.length);
    }
    try (OutputStream out = ex.getResponseBody()) {
      if (breakTransfer) {
        out.write(zip, from, (zip.length - from) / 2);
        out.flush();
        ex.getHttpContext().getServer(); // keep the reference obvious: the exchange is torn down below
        throw new IOException("simulated connection loss");
      }
      out.write(zip, from, zip.length - from);
    }
  }

  private OsvDownloader downloader(ByteArrayOutputStream log) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return new OsvDownloader(OsvDownloader.defaultClient(), base, new PrintStream(log, true, StandardCharsets.UTF_8),
        Fixtures.CLOCK);
  }

  @Test
  void downloadsThenAsksConditionally() throws Exception {
    Path db = tmp.resolve("osv.db");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    OsvDownloader.Result first = downloader(log).update(db, List.of("CRAN"));
    assertThat(first.ecosystems()).containsEntry("CRAN", "downloaded");
    long entries;
    try (OsvDatabase d = OsvDatabase.openReadOnly(db)) {
      entries = DatabaseStatus.of(d).advisories();
      assertThat(entries).isPositive();
      assertThat(d.meta("http.CRAN.etag")).contains(etag);
      assertThat(DatabaseStatus.of(d).sources()).extracting(DatabaseStatus.Source::name)
          .allMatch(n -> n.endsWith("/CRAN/all.zip"));
    }
    OsvDownloader.Result second = downloader(log).update(db, List.of("CRAN"));
    assertThat(second.ecosystems()).containsEntry("CRAN", "not modified");
    assertThat(requests.get(1)).isEqualTo("If-None-Match " + etag);
    assertThat(OsvDownloader.knownEcosystems(db)).containsExactly("CRAN");
  }

  @Test
  void aBrokenTransferLeavesTheDatabaseAndResumes() throws Exception {
    Path db = tmp.resolve("osv.db");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    breakTransfer = true;
    assertThatThrownBy(() -> downloader(log).update(db, List.of("CRAN"))).isInstanceOf(IOException.class)
        .hasMessageContaining("resume");
    assertThat(db).doesNotExist();
    assertThat(tmp.resolve("osv.db.download/CRAN.zip.part")).exists();
    breakTransfer = false;
    OsvDownloader.Result r = downloader(log).update(db, List.of("CRAN"));
    assertThat(r.ecosystems()).containsEntry("CRAN", "resumed");
    assertThat(requests.get(1)).startsWith("Range bytes=").doesNotContain("bytes=0-");
    try (OsvDatabase d = OsvDatabase.openReadOnly(db)) {
      assertThat(DatabaseStatus.of(d).advisories()).isPositive();
    }
  }

  @Test
  void aFailedUpdateKeepsTheOldDatabase() throws Exception {
    Path db = tmp.resolve("osv.db");
    try (OsvDatabase d = OsvDatabase.openForWriting(db)) {
      new OsvImporter(d, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Fixtures.CLOCK)
          .importAll(List.of(Fixtures.path("vuln/advisories/Maven")));
    }
    byte[] before = Files.readAllBytes(db);
    breakTransfer = true;
    assertThatThrownBy(() -> downloader(new ByteArrayOutputStream()).update(db, List.of("CRAN")))
        .isInstanceOf(IOException.class);
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
    assertThat(tmp.resolve("osv.db.tmp")).doesNotExist();
  }

  private static byte[] fixtureZip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes); var files = Files.list(Fixtures.path("vuln/advisories/PyPI"))) {
      for (Path p : files.sorted().toList()) {
        z.putNextEntry(new ZipEntry(p.getFileName().toString()));
        z.write(Files.readAllBytes(p));
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
