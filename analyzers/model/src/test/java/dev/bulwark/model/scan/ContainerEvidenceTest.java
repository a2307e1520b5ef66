package dev.bulwark.model.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Finding;
import dev.bulwark.model.Severity;
import dev.bulwark.model.Target;
import dev.bulwark.spi.Limits;
import dev.bulwark.spi.ListFileTree;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerEvidenceTest {
  @TempDir
  Path tmp;

  @Test
  void findingsInsideZipsNameTheMemberAndOpcodeOffset() {
    ScanContext ctx = CorpusSupport.context("malicious", Map.of());
    List<Finding> found = CorpusSupport.scan(ctx, "torch_zip_data_pkl.pt");
    assertThat(found).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("model/pickle-dangerous-callable");
      assertThat(f.location().path()).matches("torch_zip_data_pkl\\.pt![^!]+/data\\.pkl");
      assertThat(f.location().offset()).isEqualTo(2L);
      assertThat(f.location().toString()).endsWith("/data.pkl@0x2");
      assertThat(f.evidence()).containsEntry("callable", "os.system");
    });
  }

  @Test
  void joblibArrayDataIsSkippedSoThePayloadAfterItIsFound() {
    ScanContext ctx = CorpusSupport.context("malicious", Map.of());
    List<Finding> found = CorpusSupport.scan(ctx, "joblib_after_array.joblib");
    assertThat(found).as(CorpusSupport.describe(found)).extracting(Finding::rule)
        .containsExactly("model/pickle-dangerous-callable");
  }

  @Test
  void picklesInside7zArchivesAreFound() throws IOException {
    Path archive = tmp.resolve("bundle.7z");
    try (SevenZOutputFile out = new SevenZOutputFile(archive.toFile())) {
      SevenZArchiveEntry e = out.createArchiveEntry(tmp.toFile(), "models/weights.bin");
      e.setDirectory(false);
      out.putArchiveEntry(e);
      out.write("\u0080\u0002cos\nsystem\n(S'id'\ntR.".getBytes(StandardCharsets.ISO_8859_1));
      out.closeArchiveEntry();
    }
    List<Finding> found = CorpusSupport.scan(Fixtures.context(tmp), "bundle.7z");
    assertThat(found).anySatisfy(f -> {
      assertThat(f.location().path()).isEqualTo("bundle.7z!models/weights.bin");
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    });
  }

  @Test
  void largeNestedZipsAreSpooledToDiskAndScanned() throws IOException {
    java.io.ByteArrayOutputStream zipBytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zipBytes)) {
      z.putNextEntry(new java.util.zip.ZipEntry("archive/data.pkl"));
      z.write("\u0080\u0002cos\nsystem\n(S'id'\ntR.".getBytes(StandardCharsets.ISO_8859_1));
      java.util.zip.ZipEntry big = new java.util.zip.ZipEntry("archive/data/0");
      big.setMethod(java.util.zip.ZipEntry.STORED);
      byte[] zeros = new byte[70 << 20];
      big.setSize(zeros.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(zeros);
      big.setCrc(crc.getValue());
      z.putNextEntry(big);
      z.write(zeros);
    }
    Path outer = tmp.resolve("model.nemo");
    try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(Files.newOutputStream(outer))) {
      var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("model_weights.ckpt");
      e.setSize(zipBytes.size());
      tar.putArchiveEntry(e);
      zipBytes.writeTo(tar);
      tar.closeArchiveEntry();
    }
    List<Finding> found = CorpusSupport.scan(Fixtures.context(tmp), "model.nemo");
    assertThat(found).as(CorpusSupport.describe(found)).singleElement().satisfies(f ->
        assertThat(f.location().path()).isEqualTo("model.nemo!model_weights.ckpt!archive/data.pkl"));
  }

  @Test
  void largeSafetensorsAreCheckedFromTheHeaderAlone() throws IOException {
    // a 512 MiB sparse file: far above the 1 MiB read limit below, so reading the data would fail
    Path big = tmp.resolve("big.safetensors");
    long tensor = 512L << 20;
    String header = "{\"w\":{\"dtype\":\"U8\",\"shape\":[" + tensor + "],\"data_offsets\":[0," + tensor + "]}}";
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write(java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
      out.write(h);
    }
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(8 + h.length + tensor);
    }
    Limits tiny = new Limits(1 << 20, 4, 1000, 1 << 20, 200, 1000);
    ScanFile f = Fixtures.file(big);
    ScanContext ctx = new ScanContext(new Target(tmp.toString(), Target.Type.DIRECTORY, Map.of()), Optional.of(tmp),
        new ListFileTree(List.of(f)), Map.of(), tiny, Fixtures.CLOCK, tmp, true);
    assertThat(CorpusSupport.scan(ctx, f)).isEmpty();
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(8 + h.length + tensor - 1);
    }
    assertThat(CorpusSupport.scan(ctx, Fixtures.file(big))).extracting(Finding::rule)
        .containsExactly("model/safetensors-invalid-header");
  }
}
