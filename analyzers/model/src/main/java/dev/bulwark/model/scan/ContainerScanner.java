package dev.bulwark.model.scan;

import dev.bulwark.model.scan.ModelKind.Kind;
import dev.bulwark.model.scan.format.KerasConfigCheck;
import dev.bulwark.model.scan.format.NumpyHeader;
import dev.bulwark.model.scan.zip.LenientZip;
import dev.bulwark.model.scan.zip.ZipEntryInfo;
import dev.bulwark.model.scan.zip.ZipFormatException;
import dev.bulwark.model.scan.zip.ZipMemberStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.lzma.LZMACompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Opens containers by content (zip, tar, 7z, gzip/bz2/xz/lz4/zlib/lzma streams, numpy arrays) down to the
 * pickles inside, and hands each pickle to the session. Labels name members as {@code outer!inner}.
 */
public final class ContainerScanner {
  private static final int HEAD = 8192;
  private static final long MIN_BOUND = 64L << 20;
  private final ScanSession s;

  public ContainerScanner(ScanSession session) {
    this.s = session;
  }

  /** Scans a stream whose kind is sniffed here. {@code speculative}: recognised by content only. */
  public void route(String label, InputStream raw, long compressedSize, int depth, boolean speculative) throws IOException {
    BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 1 << 16);
    in.mark(HEAD + 1);
    byte[] head = in.readNBytes(HEAD);
    in.reset();
    Kind kind = ModelKind.of(head, label);
    if (depth > s.limits().maxArchiveDepth() && kind != Kind.PICKLE && kind != Kind.NUMPY && kind != Kind.OTHER) {
      s.limit(label, "containers nested deeper than " + s.limits().maxArchiveDepth());
      return;
    }
    switch (kind) {
      case PICKLE -> s.pickle(label, in, speculative && !namedLikePickle(label), 0);
      case NUMPY -> numpy(label, in);
      case ZIP -> {
        try (SeekableByteChannel ch = spool(label, in)) {
          zip(label, ch, depth + 1);
        }
      }
      case SEVEN_Z -> {
        try (SeekableByteChannel ch = spool(label, in)) {
          sevenZ(label, ch, depth + 1);
        }
      }
      case TAR -> tar(label, in, depth + 1);
      case GZIP, BZIP2, XZ, LZ4, ZLIB, LZMA -> decompress(label, kind, in, compressedSize, depth + 1, speculative);
      default -> {
        if (namedLikePickle(label) && kind == Kind.OTHER && head.length > 0) {
          s.pickle(label, in, false, 0);
        }
      }
    }
  }

  private static final java.util.List<String> MODEL_SUFFIXES = java.util.List.of(".pkl", ".pickle", ".pt", ".pth",
      ".bin", ".ckpt", ".joblib", ".dill", ".data", ".model", ".sav", ".p", ".pck", ".pcl", ".npy", ".mar");

  /** Names under which a broken pickle is reported as malformed (elsewhere it may just be other binary data). */
  static boolean namedLikeModel(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return MODEL_SUFFIXES.stream().anyMatch(n::endsWith);
  }

  static boolean namedLikePickle(String label) {
    String n = label.substring(Math.max(label.lastIndexOf('/'), label.lastIndexOf('!')) + 1).toLowerCase(Locale.ROOT);
    return n.endsWith(".pkl") || n.endsWith(".pickle") || n.endsWith(".joblib") || n.endsWith(".dill");
  }

  public void numpy(String label, InputStream in) throws IOException {
    NumpyHeader h = NumpyHeader.read(label, in, s);
    if (h != null && h.objectArray()) {
      s.pickle(label, in, false, h.dataOffset());
    }
  }

  public void zip(String label, SeekableByteChannel ch, int depth) throws IOException {
    LenientZip z;
    try {
      z = LenientZip.open(ch, s.limits().maxArchiveEntries());
    } catch (ZipFormatException e) {
      s.tampering(label, "unreadable zip: " + e.getMessage());
      return;
    }
    for (String a : new LinkedHashSet<>(z.anomalies())) {
      s.tampering(label, a);
    }
    Set<String> names = new LinkedHashSet<>();
    z.entries().forEach(e -> names.add(e.name()));
    boolean keras = names.contains("config.json") && (names.contains("metadata.json") || names.contains("model.weights.h5"));
    for (ZipEntryInfo e : z.entries()) {
      if (e.isDirectory() || e.dataOffset() < 0 || e.isEncrypted()) {
        continue;
      }
      String member = label + "!" + e.name();
      long bound = Math.min(s.takeBudget(), Math.max(MIN_BOUND, (long) (e.compressedSize() * s.limits().maxCompressionRatio())));
      try (InputStream in = new BoundedStream(ZipMemberStream.open(z, e), bound, "member " + e.name())) {
        if (keras && e.name().equals("config.json")) {
          KerasConfigCheck.check(member, in.readNBytes((int) Math.min(bound, 64L << 20)), s);
          continue;
        }
        route(member, in, e.compressedSize(), depth, !isPickleMemberName(e.name()));
      } catch (DecompressionLimitException ex) {
        s.limit(member, ex.getMessage());
      } catch (ZipFormatException ex) {
        s.tampering(member, ex.getMessage());
      } catch (IOException ex) {
        s.tampering(member, "member data is unreadable: " + ex.getMessage());
      }
    }
  }

  private static boolean isPickleMemberName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".pkl") || n.endsWith(".pickle") || n.endsWith("/data.pkl");
  }

  public void sevenZ(String label, SeekableByteChannel ch, int depth) throws IOException {
    try (SevenZFile f = SevenZFile.builder().setSeekableByteChannel(ch).setMaxMemoryLimitKiB(256 * 1024).get()) {
      for (SevenZArchiveEntry e : f.getEntries()) {
        if (e.isDirectory() || !e.hasStream()) {
          continue;
        }
        String member = label + "!" + e.getName();
        try (InputStream in = new BoundedStream(f.getInputStream(e), s.takeBudget(), "member " + e.getName())) {
          route(member, in, -1, depth, true);
        } catch (DecompressionLimitException ex) {
          s.limit(member, ex.getMessage());
        }
      }
    } catch (DecompressionLimitException ex) {
      s.limit(label, ex.getMessage());
    } catch (IOException | RuntimeException ex) {
      s.malformed(label, "unreadable 7z archive: " + ex.getMessage());
    }
  }

  public void tar(String label, InputStream in, int depth) throws IOException {
    try {
      TarArchiveInputStream tar = new TarArchiveInputStream(in);
      TarArchiveEntry e;
      int count = 0;
      while ((e = tar.getNextEntry()) != null) {
        if (++count > s.limits().maxArchiveEntries()) {
          s.limit(label, "more than " + s.limits().maxArchiveEntries() + " tar members");
          return;
        }
        String n = e.getName();
        if (n.startsWith("/") || n.contains("../") || n.equals("..")) {
          s.tampering(label, "member name '" + n + "' escapes the archive");
        }
        if (e.isSymbolicLink() || e.isLink()) {
          String target = e.getLinkName();
          if (target.startsWith("/") || target.contains("..")) {
            s.tampering(label, "member '" + n + "' links outside the archive to '" + target + "'");
          }
          continue;
        }
        if (!e.isFile()) {
          continue;
        }
        route(label + "!" + n, new NoClose(tar), e.getSize(), depth, true);
      }
    } catch (DecompressionLimitException ex) {
      throw ex;
    } catch (IllegalArgumentException | IOException ex) {
      s.malformed(label, "unreadable tar archive: " + ex.getMessage());
    }
  }

  public void decompress(String label, Kind kind, InputStream in, long compressedSize, int depth, boolean speculative)
      throws IOException {
    long bound = s.takeBudget();
    if (compressedSize > 0) {
      bound = Math.min(bound, Math.max(MIN_BOUND, (long) (compressedSize * s.limits().maxCompressionRatio())));
    }
    InputStream dec;
    try {
      dec = switch (kind) {
        case GZIP -> new GZIPInputStream(in, 1 << 16);
        case BZIP2 -> new BZip2CompressorInputStream(in, true);
        case XZ -> new XZCompressorInputStream(in, true);
        case LZ4 -> new Lz4FrameInputStream(in);
        case LZMA -> new LZMACompressorInputStream(in);
        case ZLIB -> zlib(in);
        default -> throw new IllegalStateException("not a compressed kind: " + kind);
      };
    } catch (IOException ex) {
      if (!speculative) {
        s.malformed(label, "corrupt " + kind.name().toLowerCase(Locale.ROOT) + " stream: " + ex.getMessage());
      }
      return;
    }
    try (InputStream bounded = new BoundedStream(dec, bound, kind.name().toLowerCase(Locale.ROOT) + " stream")) {
      route(label, bounded, -1, depth, speculative);
    } catch (DecompressionLimitException ex) {
      s.limit(label, ex.getMessage());
    } catch (IOException ex) {
      if (!speculative) {
        s.malformed(label, "corrupt " + kind.name().toLowerCase(Locale.ROOT) + " stream: " + ex.getMessage());
      }
    }
  }

  private static InputStream zlib(InputStream in) throws IOException {
    in.mark(64);
    byte[] h = in.readNBytes(40);
    in.reset();
    if (h.length > 2 && h[0] == 'Z' && h[1] == 'F') {
      in.skipNBytes(ModelKind.indexOfZlib(h));
    }
    return new InflaterInputStream(in, new java.util.zip.Inflater(), 1 << 16);
  }

  private static final int IN_MEMORY = 64 << 20;

  /**
   * Makes a nested archive randomly accessible: in memory when small, else in a temporary file that is
   * deleted when the channel closes. Bounded by the scan's extraction budget.
   */
  private SeekableByteChannel spool(String label, InputStream in) throws IOException {
    long max = s.takeBudget();
    byte[] first = in.readNBytes((int) Math.min(IN_MEMORY + 1L, max + 1));
    if (first.length <= IN_MEMORY && first.length <= max) {
      s.charge(first.length);
      return new SeekableInMemoryByteChannel(first);
    }
    if (first.length > max) {
      throw new DecompressionLimitException(label + ": nested archive larger than the " + max + "-byte extraction budget");
    }
    java.nio.file.Path tmp = java.nio.file.Files.createTempFile("bulwark-model", ".bin");
    boolean ok = false;
    try {
      long written;
      try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(tmp)) {
        out.write(first);
        written = first.length + new BoundedStream(in, max - first.length, label).transferTo(out);
      }
      s.charge(written);
      SeekableByteChannel ch = java.nio.file.Files.newByteChannel(tmp, java.nio.file.StandardOpenOption.READ,
          java.nio.file.StandardOpenOption.DELETE_ON_CLOSE);
      ok = true;
      return ch;
    } finally {
      if (!ok) {
        java.nio.file.Files.deleteIfExists(tmp);
      }
    }
  }

  /** Lets a member stream be read without closing the archive stream it belongs to. */
  private static final class NoClose extends FilterInputStream {
    NoClose(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
