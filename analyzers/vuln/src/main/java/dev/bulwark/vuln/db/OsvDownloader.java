package dev.bulwark.vuln.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * {@code bulwark db update}: downloads osv.dev's {@code <Ecosystem>/all.zip} files with conditional
 * requests (the ETag and Last-Modified of the last download are kept in the database's {@code meta}
 * table) and resumable transfers (a broken download stays as {@code .part} with its validator and
 * continues with a {@code Range} request), imports what changed into a copy of the database and swaps
 * the copy in with an atomic rename, so a failed update never leaves a broken database behind.
 */
public final class OsvDownloader {

  public static final URI DEFAULT_BASE = URI.create("https://osv-vulnerabilities.storage.googleapis.com/");
  /** Ecosystems fetched when neither the command line nor the database names any. */
  public static final List<String> DEFAULT_ECOSYSTEMS = List.of("PyPI", "npm", "Maven", "Go", "crates.io", "RubyGems",
      "NuGet", "Packagist", "Hex", "Pub");
  private static final long MAX_DOWNLOAD_BYTES = 4L << 30;

  /** What an update did per ecosystem: {@code downloaded}, {@code resumed}, {@code not modified}. */
  public record Result(Map<String, String> ecosystems, OsvImporter.Result imported) {}

  private final HttpClient client;
  private final URI base;
  private final PrintStream progress;
  private final Clock clock;

  public OsvDownloader(HttpClient client, URI base, PrintStream progress, Clock clock) {
    this.client = client;
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.progress = progress;
    this.clock = clock;
  }

  public static HttpClient defaultClient() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(20)).build();
  }

  /** The ecosystems an update without {@code --ecosystem} refreshes: those downloaded before, else the defaults. */
  public static List<String> knownEcosystems(Path dbFile) {
    if (!Files.isRegularFile(dbFile)) {
      return DEFAULT_ECOSYSTEMS;
    }
    try (OsvDatabase db = OsvDatabase.openReadOnly(dbFile)) {
      Optional<String> list = db.meta("download.ecosystems");
      return list.map(s -> List.of(s.split(","))).orElse(DEFAULT_ECOSYSTEMS);
    } catch (IOException e) {
      return DEFAULT_ECOSYSTEMS;
    }
  }

  public Result update(Path dbFile, List<String> ecosystems) throws IOException, InterruptedException {
    Path work = dbFile.toAbsolutePath().resolveSibling(dbFile.getFileName() + ".download");
    Files.createDirectories(work);
    Map<String, String> validators = new LinkedHashMap<>();
    List<String> known = new ArrayList<>();
    boolean reusable = false;
    if (Files.isRegularFile(dbFile)) {
      try (OsvDatabase db = OsvDatabase.openReadOnly(dbFile)) {
        for (String e : ecosystems) {
          db.meta("http." + e + ".etag").ifPresent(v -> validators.put(e + ".etag", v));
          db.meta("http." + e + ".last-modified").ifPresent(v -> validators.put(e + ".last-modified", v));
        }
        db.meta("download.ecosystems").ifPresent(s -> known.addAll(List.of(s.split(","))));
        reusable = true;
      } catch (IOException e) {
        // another schema or a damaged file: build a new database and swap it in
        progress.println(e.getMessage() + "; building a new database");
      }
    }
    Map<String, String> outcome = new LinkedHashMap<>();
    List<OsvImporter.NamedSource> fetched = new ArrayList<>();
    Map<String, String[]> newValidators = new LinkedHashMap<>();
    for (String eco : ecosystems) {
      URI url = urlOf(eco);
      Fetch f = fetch(eco, url, work, validators.get(eco + ".etag"), validators.get(eco + ".last-modified"));
      outcome.put(eco, f.status());
      if (f.zip() != null) {
        fetched.add(new OsvImporter.NamedSource(url.toString(), f.zip()));
        newValidators.put(eco, new String[] {f.etag(), f.lastModified()});
      }
    }
    if (fetched.isEmpty()) {
      progress.println("vulnerability database is up to date");
      return new Result(outcome, new OsvImporter.Result(0, 0, 0, List.of()));
    }
    Path tmp = dbFile.toAbsolutePath().resolveSibling(dbFile.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      if (reusable) {
        Files.copy(dbFile, tmp);
      }
      OsvImporter.Result imported;
      try (OsvDatabase db = OsvDatabase.openForWriting(tmp)) {
        imported = new OsvImporter(db, progress, clock).importSources(fetched);
        for (var e : newValidators.entrySet()) {
          db.putMeta("http." + e.getKey() + ".etag", e.getValue()[0] == null ? "" : e.getValue()[0]);
          db.putMeta("http." + e.getKey() + ".last-modified", e.getValue()[1] == null ? "" : e.getValue()[1]);
        }
        List<String> all = new ArrayList<>(known);
        for (String e : ecosystems) {
          if (!all.contains(e)) all.add(e);
        }
        db.putMeta("download.ecosystems", String.join(",", all));
        db.putMeta("download.updated-at", clock.instant().toString());
      }
      Files.move(tmp, dbFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    for (OsvImporter.NamedSource s : fetched) {
      Files.deleteIfExists(s.path());
    }
    return new Result(outcome, new OsvImporter.Result(0, 0, 0, List.of()));
  }

  private record Fetch(String status, Path zip, String etag, String lastModified) {}

  private Fetch fetch(String eco, URI url, Path work, String etag, String lastModified)
      throws IOException, InterruptedException {
    String file = eco.replaceAll("[^A-Za-z0-9._-]", "_");
    Path part = work.resolve(file + ".zip.part");
    Path partValidator = work.resolve(file + ".zip.part.validator");
    Path done = work.resolve(file + ".zip");
    HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET();
    long have = Files.isRegularFile(part) && Files.isRegularFile(partValidator) ? Files.size(part) : 0;
    String resumeValidator = have > 0 ? Files.readString(partValidator, StandardCharsets.UTF_8).trim() : null;
    if (have > 0 && !resumeValidator.isEmpty()) {
      req.header("Range", "bytes=" + have + "-").header("If-Range", resumeValidator);
    } else {
      have = 0;
      if (etag != null && !etag.isEmpty()) req.header("If-None-Match", etag);
      if (lastModified != null && !lastModified.isEmpty()) req.header("If-Modified-Since", lastModified);
    }
    HttpResponse<InputStream> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    int code = resp.statusCode();
    String newEtag = resp.headers().firstValue("ETag").orElse(null);
    String newLastModified = resp.headers().firstValue("Last-Modified").orElse(null);
    try (InputStream body = resp.body()) {
      if (code == 304) {
        progress.printf("%s: not modified%n", eco);
        return new Fetch("not modified", null, null, null);
      }
      boolean resumed = code == 206 && have > 0 && contentRangeStartsAt(resp, have);
      if (!resumed && code != 200) {
        throw new IOException("download of " + url + " failed: HTTP " + code);
      }
      if (!resumed) {
        have = 0;
        String validator = newEtag != null ? newEtag : newLastModified != null ? newLastModified : "";
        Files.writeString(partValidator, validator, StandardCharsets.UTF_8);
      }
      long total = resp.headers().firstValueAsLong("Content-Length").orElse(-1) + (resumed ? have : 0);
      progress.printf("%s: %s %s%s%n", eco, resumed ? "resuming at byte " + have + " of" : "downloading", url,
          total > 0 ? " (" + total + " bytes)" : "");
      try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
          resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        copy(body, out, have, total, eco);
      } catch (IOException e) {
        throw new IOException("download of " + url + " broke off after " + Files.size(part) + " bytes ("
            + e.getMessage() + "); run 'bulwark db update' again to resume", e);
      }
      if (total > 0 && Files.size(part) != total) {
        throw new IOException("download of " + url + " broke off after " + Files.size(part) + " of " + total
            + " bytes; run 'bulwark db update' again to resume");
      }
    }
    try (ZipFile z = new ZipFile(part.toFile())) {
      if (z.size() == 0) {
        progress.printf("%s: the downloaded zip is empty%n", eco);
      }
    } catch (IOException e) {
      Files.deleteIfExists(part);
      Files.deleteIfExists(partValidator);
      throw new IOException("download of " + url + " is not a readable zip (" + e.getMessage() + ")", e);
    }
    Files.move(part, done, StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(partValidator);
    return new Fetch(code == 206 ? "resumed" : "downloaded", done, newEtag, newLastModified);
  }

  private static boolean contentRangeStartsAt(HttpResponse<?> resp, long offset) {
    String range = resp.headers().firstValue("Content-Range").orElse("");
    return range.startsWith("bytes " + offset + "-");
  }

  private void copy(InputStream in, OutputStream out, long already, long total, String eco) throws IOException {
    byte[] buf = new byte[1 << 16];
    long written = already;
    long last = System.nanoTime();
    for (int n; (n = in.read(buf)) >= 0; ) {
      out.write(buf, 0, n);
      written += n;
      if (written > MAX_DOWNLOAD_BYTES) {
        throw new IOException("larger than " + MAX_DOWNLOAD_BYTES + " bytes");
      }
      long now = System.nanoTime();
      if (now - last > 1_000_000_000L) {
        last = now;
        progress.printf("%s: %d%s bytes%n", eco, written, total > 0 ? " / " + total : "");
      }
    }
  }

  URI urlOf(String ecosystem) {
    return base.resolve(ecosystem.replace("%", "%25").replace(" ", "%20") + "/all.zip");
  }
}
