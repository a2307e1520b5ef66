package dev.bulwark.data.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.spi.UnreadableInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void theBoundIsOneGibibyteOrAHundredTimesTheCompressedSize() {
    assertThat(Gzip.limitFor(10)).isEqualTo(1L << 30);
    assertThat(Gzip.limitFor(100L << 20)).isEqualTo(100 * (100L << 20));
    assertThat(Gzip.limitFor(Long.MAX_VALUE / 10)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void inflatingStopsAtTheBoundAndNamesTheFile() throws IOException {
    byte[] bomb = gzip(new byte[1 << 20]); // 1 MiB of zeros in about 1 KiB
    try (InputStream in = Gzip.open("bomb.csv.gz", new ByteArrayInputStream(bomb), 100_000)) {
      assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
          .isInstanceOf(UnreadableInputException.class).hasMessageContaining("bomb.csv.gz")
          .hasMessageContaining("expands to more than 100000 bytes");
    }
  }

  @Test
  void everyMemberIsReadAndCorruptDataIsNamed() throws IOException {
    ByteArrayOutputStream two = new ByteArrayOutputStream();
    two.write(gzip("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    two.write(gzip("3,4\n".getBytes(StandardCharsets.UTF_8)));
    try (InputStream in = Gzip.open("two.csv.gz", new ByteArrayInputStream(two.toByteArray()), 1000)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n3,4\n");
    }
    byte[] cut = java.util.Arrays.copyOf(gzip("x".repeat(10_000).getBytes(StandardCharsets.UTF_8)), 30);
    try (InputStream in = Gzip.open("cut.csv.gz", new ByteArrayInputStream(cut), 1 << 20)) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(UnreadableInputException.class)
          .hasMessageContaining("cut.csv.gz").hasMessageContaining("corrupt gzip data");
    }
  }

  @Test
  void formatComesFromTheInflatedHeadWhateverTheSuffix() throws IOException {
    byte[] csv = gzip("id,email\n1,a@example.org\n".getBytes(StandardCharsets.UTF_8));
    assertThat(DatasetFormat.detect("train.csv.gz", csv)).isEqualTo(DatasetFormat.CSV);
    assertThat(DatasetFormat.detect("train.csv", csv)).isEqualTo(DatasetFormat.CSV);
    assertThat(DatasetFormat.detect("data.jsonl.gz", gzip("{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(DatasetFormat.JSON_LINES);
    assertThat(DatasetFormat.detect("notes.txt.gz", gzip("hello\n".getBytes(StandardCharsets.UTF_8)))).isNull();
    assertThat(DatasetFormat.detect("double.csv.gz", gzip(csv))).isNull();
  }
}
