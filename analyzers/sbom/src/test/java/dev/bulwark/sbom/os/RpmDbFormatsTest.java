package dev.bulwark.sbom.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Component;
import dev.bulwark.sbom.Catalog;
import dev.bulwark.sbom.license.SpdxLicenses;
import dev.bulwark.spi.ScanContext;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.UnreadableInputException;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same three packages in the three rpm database formats (fixtures/rpm-db-formats, made by its generate.sh
 * with rpm 4.18, db5.3_load and rpm's NDB layout): each must list exactly what {@code rpm -qa} printed, and
 * damaged copies must end as an {@link UnreadableInputException}, quickly.
 */
class RpmDbFormatsTest {

  static final Path FIXTURES = Paths.get("src/test/resources/fixtures/rpm-db-formats");
  static final String BDB = "var/lib/rpm/Packages";
  static final String NDB = "usr/lib/sysimage/rpm/Packages.db";

  @TempDir
  Path dir;

  /** NAME, [EPOCH:]VERSION-RELEASE, ARCH and LICENSE lines as rpm printed them, licences normalized like the cataloger. */
  static List<String> expected() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(FIXTURES.resolve("rpm-qa.txt"))) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      out.add(f[0] + " " + f[1] + " " + f[2] + " " + SpdxLicenses.normalize(f[3]));
    }
    return out.stream().sorted().toList();
  }

  static List<String> actual(List<Component> components) {
    return components.stream().filter(c -> c.purl() != null && c.purl().startsWith("pkg:rpm/"))
        .map(c -> c.name() + " " + c.version() + " " + c.purl().replaceAll(".*[?&]arch=([^&]*).*", "$1") + " "
            + String.join(" AND ", c.licenses()))
        .sorted().toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sqlite, var/lib/rpm/rpmdb.sqlite, almalinux, almalinux-9.3",
    "bdb, var/lib/rpm/Packages, rhel, rhel-8.9",
    "bdb-chksum, var/lib/rpm/Packages, rhel, rhel-8.9",
    "ndb, usr/lib/sysimage/rpm/Packages.db, opensuse-leap, opensuse-leap-15.5"})
  void everyFormatListsWhatRpmListed(String format, String db, String namespace, String distro) throws IOException {
    List<Component> all = Catalog.of(FIXTURES.resolve(format)).components();
    assertThat(expected()).hasSize(3);
    assertThat(actual(all)).as(format).containsExactlyElementsOf(expected());
    for (Component c : all) {
      if (c.purl() != null && c.purl().startsWith("pkg:rpm/")) {
        assertThat(c.purl()).startsWith("pkg:rpm/" + namespace + "/").contains("distro=" + distro).contains("upstream=");
        assertThat(c.locations().toString()).contains(db);
      }
    }
    assertThat(all).anyMatch(c -> c.ref().equals("os:" + distro));
    Component beta = all.stream().filter(c -> c.name().equals("bulwark-beta")).findFirst().orElseThrow();
    assertThat(beta.dependsOn()).singleElement().asString().contains("bulwark-alpha@1.0-1");
  }

  @Test
  void claimsByFolderAndContentNotByNameAlone() throws IOException {
    byte[] bdb = Files.readAllBytes(FIXTURES.resolve("bdb").resolve(BDB));
    write("var/lib/rpm/Packages", bdb);
    write("elsewhere/Packages", bdb);
    write("usr/lib/sysimage/rpm/Packages.db", "not an ndb file".getBytes());
    write("var/lib/dpkg/Packages", "Package: x\n".getBytes());
    ScanContext context = Fixtures.context(dir);
    RpmDbCataloger c = new RpmDbCataloger();
    assertThat(c.claims(file(context, "var/lib/rpm/Packages"))).isTrue();
    assertThat(c.claims(file(context, "elsewhere/Packages"))).isFalse();
    assertThat(c.claims(file(context, "usr/lib/sysimage/rpm/Packages.db"))).isFalse();
    assertThat(c.claims(file(context, "var/lib/dpkg/Packages"))).isFalse();
  }

  @Test
  void bigEndianBerkeleyDbReadsTheSame() throws IOException {
    // the fixture with every multi-byte field of the format swapped, as a big-endian machine writes it
    byte[] b = Files.readAllBytes(FIXTURES.resolve("bdb").resolve(BDB));
    ByteBuffer le = ByteBuffer.wrap(b.clone()).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer be = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
    int ps = pageSize(le);
    for (int at : new int[] {12, 16, 20, 28, 32}) {
      be.putInt(at, le.getInt(at));
    }
    for (int p = 1; (long) (p + 1) * ps <= b.length; p++) {
      int o = p * ps;
      for (int at : new int[] {8, 12, 16}) {
        be.putInt(o + at, le.getInt(o + at));
      }
      be.putShort(o + 20, le.getShort(o + 20)).putShort(o + 22, le.getShort(o + 22));
      if (le.get(o + 25) == 13) {
        for (int i = 0; i < (le.getShort(o + 20) & 0xffff); i++) {
          int item = o + (le.getShort(o + 26 + 2 * i) & 0xffff);
          be.putShort(o + 26 + 2 * i, le.getShort(o + 26 + 2 * i));
          if (le.get(item) == 3) {
            be.putInt(item + 4, le.getInt(item + 4)).putInt(item + 8, le.getInt(item + 8));
          }
        }
      }
    }
    assertThat(be.order(ByteOrder.LITTLE_ENDIAN).getInt(12)).isNotEqualTo(RpmBerkeleyDb.HASH_MAGIC);
    write(BDB, b);
    write("etc/os-release", Files.readAllBytes(FIXTURES.resolve("bdb/etc/os-release")));
    ScanContext context = Fixtures.context(dir);
    RpmDbCataloger c = new RpmDbCataloger();
    ScanFile f = file(context, BDB);
    assertThat(c.claims(f)).isTrue();
    assertThat(actual(c.catalog(f, context))).containsExactlyElementsOf(expected());
  }

  // ---- hostile Berkeley DB files: each a real fixture with one field damaged

  @Test
  @Timeout(10)
  void truncatedBerkeleyDbIsUnreadable() throws IOException {
    byte[] b = Files.readAllBytes(FIXTURES.resolve("bdb").resolve(BDB));
    assertUnreadable(BDB, java.util.Arrays.copyOf(b, b.length / 2), "past the end of the file");
    assertUnreadable(BDB, java.util.Arrays.copyOf(b, 100), "truncated");
  }

  @Test
  @Timeout(10)
  void overflowChainLoopIsUnreadable() throws IOException {
    assertUnreadable(BDB, bdb(d -> d.putInt(chainPage(d) * pageSize(d) + 16, chainPage(d))), "loops back");
  }

  @Test
  @Timeout(10)
  void overflowPagePastTheEndIsUnreadable() throws IOException {
    assertUnreadable(BDB, bdb(d -> d.putInt(chainPage(d) * pageSize(d) + 16, 1_000_000)), "past the end of the file");
  }

  @Test
  @Timeout(10)
  void absurdSizesAreUnreadable() throws IOException {
    assertUnreadable(BDB, bdb(d -> d.putInt(20, 3)), "implausible page size");
    assertUnreadable(BDB, bdb(d -> d.putInt(32, Integer.MAX_VALUE)), "past the end of the file");
    assertUnreadable(BDB, bdb(d -> d.putInt(offPageItem(d) + 8, Integer.MAX_VALUE)), "exceeds the limit");
    assertUnreadable(BDB, bdb(d -> d.putInt(offPageItem(d) + 8, 100)), "more than its declared 100 bytes");
    assertUnreadable(BDB, bdb(d -> d.putShort(pageSize(d) + 20, (short) 0x7fff)), "more than fit in a page");
  }

  @Test
  @Timeout(10)
  void hostileNdbIsUnreadable() throws IOException {
    byte[] b = Files.readAllBytes(FIXTURES.resolve("ndb").resolve(NDB));
    assertUnreadable(NDB, java.util.Arrays.copyOf(b, 20), "truncated");
    assertUnreadable(NDB, java.util.Arrays.copyOf(b, b.length - 100), "outside the file");
    assertUnreadable(NDB, ndb(d -> d.putInt(12, 1_000_000)), "slot pages do not fit");
    assertUnreadable(NDB, ndb(d -> d.putInt(32 + 8, 0x7fffffff)), "outside the file");
    assertUnreadable(NDB, ndb(d -> d.putInt(d.getInt(32 + 8) * 16 + 12, 0x7fffffff)), "exceeds");
    assertUnreadable(NDB, ndb(d -> d.putInt(4, 7)), "unsupported version");
    // every slot pointing at the same blob: the budget of one file's worth of bytes stops the repetition
    assertUnreadable(NDB, ndb(d -> {
      for (int at = 48; at < RpmNdb.SLOT_PAGE; at += 16) {
        d.put(at, "Slot".getBytes(), 0, 4).putInt(at + 4, 1).putInt(at + 8, d.getInt(40)).putInt(at + 12, d.getInt(44));
      }
    }), "more bytes than the file holds");
  }

  // ---- helpers

  private static int pageSize(ByteBuffer d) {
    return d.getInt(20);
  }

  /** The first overflow page that links to a next page (gamma's header chain). */
  private static int chainPage(ByteBuffer d) {
    int ps = pageSize(d);
    for (int p = 1; (long) (p + 1) * ps <= d.capacity(); p++) {
      if (d.get(p * ps + 25) == 7 && d.getInt(p * ps + 16) != 0) {
        return p;
      }
    }
    throw new AssertionError("fixture has no overflow chain");
  }

  /** Offset of the first H_OFFPAGE item on a hash page. */
  private static int offPageItem(ByteBuffer d) {
    int ps = pageSize(d);
    for (int p = 1; (long) (p + 1) * ps <= d.capacity(); p++) {
      if (d.get(p * ps + 25) == 13) {
        for (int i = 0; i < (d.getShort(p * ps + 20) & 0xffff); i++) {
          int at = p * ps + (d.getShort(p * ps + 26 + 2 * i) & 0xffff);
          if (d.get(at) == 3) {
            return at;
          }
        }
      }
    }
    throw new AssertionError("fixture has no off-page item");
  }

  private static byte[] bdb(Consumer<ByteBuffer> damage) throws IOException {
    byte[] b = Files.readAllBytes(FIXTURES.resolve("bdb").resolve(BDB));
    damage.accept(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
    return b;
  }

  private static byte[] ndb(Consumer<ByteBuffer> damage) throws IOException {
    byte[] b = Files.readAllBytes(FIXTURES.resolve("ndb").resolve(NDB));
    damage.accept(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
    return b;
  }

  private void assertUnreadable(String name, byte[] content, String problem) throws IOException {
    Path run = Files.createTempDirectory(dir, "case");
    Path p = run.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    ScanContext context = Fixtures.context(run);
    ScanFile f = file(context, name);
    RpmDbCataloger c = new RpmDbCataloger();
    assertThatThrownBy(() -> c.catalog(f, context)).isInstanceOf(UnreadableInputException.class)
        .hasMessageContaining(name).hasMessageContaining(problem);
  }

  private void write(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
  }

  private static ScanFile file(ScanContext context, String name) {
    return context.tree().file(name).orElseThrow();
  }
}
