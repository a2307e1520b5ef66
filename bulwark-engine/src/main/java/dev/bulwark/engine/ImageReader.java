package dev.bulwark.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.model.Finding;
import dev.bulwark.spi.PathScanFile;
import dev.bulwark.spi.ScanFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a container image — a {@code docker save} tarball or an OCI image layout (folder or tar) — and
 * presents its merged filesystem: layers applied in order with whiteouts ({@code .wh.name}) and opaque
 * folders ({@code .wh..wh..opq}). Compressed layers are decompressed once into the sandbox; files are then
 * read in place from the layer tars. Config facts (user, env names, ports, entrypoint, history) become
 * target facts, and the config itself is handed to analyzers as {@code <image>!.image/config.json}.
 */
final class ImageReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LAYERS = 256;
  private static final long MAX_JSON_BYTES = 16L << 20;
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";

  private final Sandbox sandbox;
  private final ExpansionBudget budget;

  ImageReader(Sandbox sandbox, ExpansionBudget budget) {
    this.sandbox = sandbox;
    this.budget = budget;
  }

  /** A readable image: where its blobs come from. */
  interface Blobs extends AutoCloseable {
    /** The blob at a layout-relative path ({@code manifest.json}, {@code blobs/sha256/ab..}), or null. */
    InputStream open(String path) throws IOException;

    boolean exists(String path);

    @Override
    void close() throws IOException;
  }

  record Image(List<ScanFile> files, Map<String, String> facts, Map<String, String> layerOfPath,
      List<Finding> findings) {}

  /** True when {@code dir} is an OCI image layout. */
  static boolean isLayoutDir(Path dir) {
    return Files.isRegularFile(dir.resolve("oci-layout")) && Files.isRegularFile(dir.resolve("index.json"));
  }

  /** Opens a tar file as an image when it holds {@code manifest.json} or an OCI layout; null otherwise. */
  static Blobs tarBlobs(Path tar) throws IOException {
    TarFile tf = new TarFile(tar);
    Map<String, TarArchiveEntry> entries = new HashMap<>();
    for (TarArchiveEntry e : tf.getEntries()) {
      if (e.isFile()) {
        entries.put(ArchiveExpander.safeName(e.getName()), e);
      }
    }
    boolean image = entries.containsKey("manifest.json") || (entries.containsKey("oci-layout") && entries.containsKey("index.json"));
    if (!image) {
      tf.close();
      return null;
    }
    return new Blobs() {
      @Override
      public InputStream open(String path) throws IOException {
        TarArchiveEntry e = entries.get(ArchiveExpander.safeName(path));
        return e == null ? null : tf.getInputStream(e);
      }

      @Override
      public boolean exists(String path) {
        return entries.containsKey(ArchiveExpander.safeName(path));
      }

      @Override
      public void close() throws IOException {
        tf.close();
      }
    };
  }

  static Blobs dirBlobs(Path dir) {
    return new Blobs() {
      @Override
      public InputStream open(String path) throws IOException {
        Path p = dir.resolve(ArchiveExpander.safeName(path)).normalize();
        return p.startsWith(dir) && Files.isRegularFile(p) ? Files.newInputStream(p) : null;
      }

      @Override
      public boolean exists(String path) {
        Path p = dir.resolve(ArchiveExpander.safeName(path)).normalize();
        return p.startsWith(dir) && Files.isRegularFile(p);
      }

      @Override
      public void close() {}
    };
  }

  private record Layer(String digest, String blobPath, String mediaType) {}

  private record Ref(int layer, long offset, long size) {}

  /** Reads the image; {@code prefix} is prepended to every path ("image.tar!" or ""). */
  Image read(Blobs blobs, String prefix, String displayName) throws IOException {
    List<Finding> findings = new ArrayList<>();
    JsonNode config;
    List<Layer> layers = new ArrayList<>();
    String configPath;
    if (blobs.exists("index.json")) {
      JsonNode manifest = json(blobs, "index.json");
      // index.json may name an index (a multi-platform image, as docker save of the containerd store writes
      // it): follow it to one image manifest, at most a few levels deep
      for (int depth = 0; manifest.has("manifests"); depth++) {
        if (depth == 4) {
          throw new IOException("image indexes nested deeper than 4 levels");
        }
        manifest = json(blobs, blobPath(chooseManifest(blobs, manifest.path("manifests"))));
      }
      configPath = blobPath(manifest.path("config").path("digest").asText());
      for (JsonNode l : manifest.path("layers")) {
        String d = l.path("digest").asText();
        layers.add(new Layer(d, blobPath(d), l.path("mediaType").asText("")));
      }
    } else {
      JsonNode manifest = json(blobs, "manifest.json").path(0);
      configPath = manifest.path("Config").asText();
      for (JsonNode l : manifest.path("Layers")) {
        String p = l.asText();
        String digest = p.startsWith("blobs/sha256/") ? "sha256:" + p.substring("blobs/sha256/".length())
            : p.contains("/") ? "sha256:" + p.substring(0, p.indexOf('/')) : p;
        layers.add(new Layer(digest, p, ""));
      }
    }
    if (layers.size() > MAX_LAYERS) {
      throw new IOException("image has " + layers.size() + " layers, more than the limit of " + MAX_LAYERS);
    }
    config = json(blobs, configPath);
    JsonNode diffIds = config.path("rootfs").path("diff_ids");

    TreeMap<String, Ref> merged = new TreeMap<>();
    List<Path> layerTars = new ArrayList<>();
    List<String> layerDigests = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      Path tar = decompressLayer(blobs, layer);
      layerTars.add(tar);
      String digest = diffIds.path(i).asText(layer.digest());
      layerDigests.add(digest);
      applyLayer(i, tar, merged, prefix + "(layer " + digest + ")", findings);
    }

    List<ScanFile> files = new ArrayList<>();
    Map<String, String> layerOfPath = new HashMap<>();
    for (Map.Entry<String, Ref> e : merged.entrySet()) {
      Ref r = e.getValue();
      String path = prefix + e.getKey();
      if (!budget.spendFile()) {
        findings.add(EngineRules.FILE_LIMIT.at(displayName, "more than " + budget.limits().maxFiles() + " files; the rest were not scanned"));
        break;
      }
      files.add(new LayerScanFile(path, layerTars.get(r.layer()), r.offset(), r.size(), layerDigests.get(r.layer())));
      layerOfPath.put(path, layerDigests.get(r.layer()));
    }
    Path configCopy = sandbox.newFile();
    try (InputStream in = blobs.open(configPath)) {
      Files.write(configCopy, in.readNBytes((int) MAX_JSON_BYTES));
    }
    files.add(new PathScanFile(prefix + ".image/config.json", configCopy, Files.size(configCopy)));
    return new Image(files, facts(config, layerDigests), layerOfPath, findings);
  }

  private void applyLayer(int index, Path tar, TreeMap<String, Ref> merged, String where, List<Finding> findings)
      throws IOException {
    Map<String, Ref> added = new LinkedHashMap<>();
    Map<String, String> hardLinks = new LinkedHashMap<>();
    List<String> whiteouts = new ArrayList<>();
    List<String> opaque = new ArrayList<>();
    List<String> replacedByNonDirectory = new ArrayList<>();
    int entries = 0;
    try (TarFile tf = new TarFile(tar)) {
      for (TarArchiveEntry e : tf.getEntries()) {
        if (++entries > budget.limits().maxArchiveEntries()) {
          findings.add(EngineRules.ARCHIVE_ENTRY_LIMIT.at(where, "more than " + budget.limits().maxArchiveEntries() + " entries in one layer"));
          break;
        }
        if (ArchiveExpander.escapes(e.getName())) {
          findings.add(EngineRules.ARCHIVE_PATH_TRAVERSAL.at(where, "layer entry '" + e.getName() + "' escapes the image root"));
        }
        String name = ArchiveExpander.safeName(e.getName());
        if (name.isEmpty()) {
          continue;
        }
        int slash = name.lastIndexOf('/');
        String dir = slash < 0 ? "" : name.substring(0, slash);
        String base = name.substring(slash + 1);
        if (base.equals(OPAQUE)) {
          opaque.add(dir);
        } else if (base.startsWith(WHITEOUT)) {
          whiteouts.add((dir.isEmpty() ? "" : dir + "/") + base.substring(WHITEOUT.length()));
        } else if (e.isLink()) {
          hardLinks.put(name, ArchiveExpander.safeName(e.getLinkName()));
          replacedByNonDirectory.add(name);
        } else if (e.isDirectory() || e.isSymbolicLink()) {
          // a directory or link replaces a lower file of the same name; checked before isFile(), which is also
          // true for symbolic links (Debian's etc/os-release is a link to ../usr/lib/os-release)
          merged.remove(name);
          added.remove(name);
          if (e.isSymbolicLink()) {
            replacedByNonDirectory.add(name);
          }
        } else if (e.isFile()) {
          added.put(name, new Ref(index, e.getDataOffset(), e.getSize()));
          replacedByNonDirectory.add(name);
        }
      }
    }
    // Whiteouts and opaque markers hide lower layers only, so they apply before this layer's own files.
    for (String dir : opaque) {
      merged.subMap(dir.isEmpty() ? "" : dir + "/", true, (dir.isEmpty() ? "" : dir + "/") + '\uffff', true).clear();
    }
    for (String gone : whiteouts) {
      merged.remove(gone);
      merged.subMap(gone + "/", true, gone + "/\uffff", true).clear();
    }
    // a file or link where a lower layer had a directory hides everything under it, as overlayfs does
    for (String name : replacedByNonDirectory) {
      merged.subMap(name + "/", true, name + "/\uffff", true).clear();
    }
    merged.putAll(added);
    hardLinks.forEach((link, target) -> {
      Ref r = added.containsKey(target) ? added.get(target) : merged.get(target);
      if (r != null) {
        merged.put(link, r);
      }
    });
  }

  private Path decompressLayer(Blobs blobs, Layer layer) throws IOException {
    Path out = sandbox.newFile();
    try (InputStream raw0 = blobs.open(layer.blobPath())) {
      if (raw0 == null) {
        throw new IOException("layer " + layer.blobPath() + " is missing from the image");
      }
      BufferedInputStream raw = new BufferedInputStream(raw0, 1 << 16);
      raw.mark(8);
      byte[] magic = raw.readNBytes(4);
      raw.reset();
      InputStream in;
      if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
        in = GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
      } else if (magic.length == 4 && (magic[0] & 0xFF) == 0x28 && (magic[1] & 0xFF) == 0xB5
          && (magic[2] & 0xFF) == 0x2F && (magic[3] & 0xFF) == 0xFD) {
        in = new com.github.luben.zstd.ZstdInputStream(raw);
      } else {
        in = raw;
      }
      try (in; OutputStream os = Files.newOutputStream(out)) {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
          if (!budget.spendBytes(n)) {
            throw new IOException("image layers expand past " + budget.limits().maxExtractedBytes() + " bytes");
          }
          os.write(buf, 0, n);
        }
      }
    }
    return out;
  }

  private JsonNode json(Blobs blobs, String path) throws IOException {
    try (InputStream in = blobs.open(path)) {
      if (in == null) {
        throw new IOException(path + " is missing from the image");
      }
      byte[] bytes = in.readNBytes((int) MAX_JSON_BYTES + 1);
      if (bytes.length > MAX_JSON_BYTES) {
        throw new IOException(path + " is larger than " + MAX_JSON_BYTES + " bytes");
      }
      return JSON.readTree(bytes);
    }
  }

  /**
   * The digest of the manifest to scan among an index's entries: not a build attestation (buildx stores
   * those as "unknown/unknown" platform entries), present in the layout (a pulled multi-platform image
   * keeps the manifests of every platform but the layers of one), and of this machine's platform where
   * there is a choice, else linux/amd64, else the first.
   */
  static String chooseManifest(Blobs blobs, JsonNode entries) throws IOException {
    List<JsonNode> usable = new ArrayList<>();
    for (JsonNode e : entries) {
      String digest = e.path("digest").asText("");
      boolean attestation = "attestation-manifest".equals(e.path("annotations").path("vnd.docker.reference.type").asText())
          || "unknown".equals(e.path("platform").path("os").asText());
      if (!attestation && !digest.isEmpty() && blobs.exists(blobPath(digest))) {
        usable.add(e);
      }
    }
    if (usable.isEmpty()) {
      throw new IOException("no image manifest of the index is in the image");
    }
    String arch = switch (System.getProperty("os.arch", "")) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> System.getProperty("os.arch", "");
    };
    for (String wanted : List.of(arch, "amd64")) {
      for (JsonNode e : usable) {
        JsonNode platform = e.path("platform");
        if ("linux".equals(platform.path("os").asText("linux")) && wanted.equals(platform.path("architecture").asText())) {
          return e.path("digest").asText();
        }
      }
    }
    return usable.get(0).path("digest").asText();
  }

  private static String blobPath(String digest) throws IOException {
    int colon = digest.indexOf(':');
    if (colon <= 0 || digest.indexOf('/') >= 0 || digest.contains("..")) {
      throw new IOException("invalid digest '" + digest + "'");
    }
    return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
  }

  private static Map<String, String> facts(JsonNode config, List<String> layerDigests) {
    Map<String, String> facts = new TreeMap<>();
    JsonNode c = config.path("config");
    facts.put("image.user", c.path("User").asText(""));
    facts.put("image.os", config.path("os").asText(""));
    facts.put("image.architecture", config.path("architecture").asText(""));
    facts.put("image.entrypoint", joined(c.path("Entrypoint")));
    facts.put("image.cmd", joined(c.path("Cmd")));
    facts.put("image.workingDir", c.path("WorkingDir").asText(""));
    List<String> ports = new ArrayList<>();
    c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
    facts.put("image.exposedPorts", String.join(",", ports));
    List<String> envNames = new ArrayList<>();
    for (JsonNode e : c.path("Env")) {
      String s = e.asText();
      envNames.add(s.contains("=") ? s.substring(0, s.indexOf('=')) : s);
    }
    // names only: values may be secrets, which the secret scanner finds in .image/config.json
    facts.put("image.envNames", String.join(",", envNames));
    List<String> history = new ArrayList<>();
    for (JsonNode h : config.path("history")) {
      history.add(h.path("created_by").asText(""));
    }
    facts.put("image.history", String.join("\n", history));
    facts.put("image.layers", String.join(",", layerDigests));
    return facts;
  }

  private static String joined(JsonNode array) {
    List<String> parts = new ArrayList<>();
    for (JsonNode n : array) {
      parts.add(n.asText());
    }
    return String.join(" ", parts);
  }
}
