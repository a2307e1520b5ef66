package dev.bulwark.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.model.Component;
import dev.bulwark.sbom.go.GoBinaryCataloger;
import dev.bulwark.sbom.internal.Pep503;
import dev.bulwark.sbom.internal.Purls;
import dev.bulwark.sbom.license.LicenseTexts;
import dev.bulwark.sbom.license.SpdxLicenses;
import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.Magic;
import dev.bulwark.spi.ScanFile;
import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Small pure functions: licence normalisation, purls, PEP 503, Go build info without a local path. */
class UnitsTest {

  @Test
  void licencesNormaliseToSpdx() {
    assertThat(SpdxLicenses.normalize("mit")).isEqualTo("MIT");
    assertThat(SpdxLicenses.normalize("Apache License, Version 2.0")).isEqualTo("Apache-2.0");
    assertThat(SpdxLicenses.normalize("The Apache Software License, Version 2.0")).isEqualTo("Apache-2.0");
    assertThat(SpdxLicenses.normalize("GPL-2.0+")).isEqualTo("GPL-2.0-or-later");
    assertThat(SpdxLicenses.normalize("GPL-3.0")).isEqualTo("GPL-3.0-only");
    assertThat(SpdxLicenses.normalize("MIT/Apache-2.0")).isEqualTo("MIT OR Apache-2.0");
    assertThat(SpdxLicenses.normalize("(mit or apache-2.0) AND bsd-3-clause")).isEqualTo("(MIT OR Apache-2.0) AND BSD-3-Clause");
    assertThat(SpdxLicenses.normalize("Apache-2.0 WITH LLVM-exception")).isEqualTo("Apache-2.0 WITH LLVM-exception");
    assertThat(SpdxLicenses.normalize("License :: OSI Approved :: BSD License")).isEqualTo("BSD-3-Clause");
    assertThat(SpdxLicenses.normalize("GNU General Public License v3 (GPLv3)")).isEqualTo("GPL-3.0-only");
    assertThat(SpdxLicenses.normalize("Eclipse Public License - v 2.0")).isEqualTo("EPL-2.0");
    assertThat(SpdxLicenses.normalize("Proprietary, see LICENSE")).isEqualTo("Proprietary, see LICENSE");
    assertThat(SpdxLicenses.normalize("  ")).isNull();
  }

  /** Declarations as found in real npm, PyPI, RPM and POM metadata. */
  @Test
  void declaredLicenceVariantsNormalise() {
    assertThat(SpdxLicenses.normalize("MIT/X11")).isEqualTo("MIT");
    assertThat(SpdxLicenses.normalize("The MIT License (MIT)")).isEqualTo("MIT");
    assertThat(SpdxLicenses.normalize("(MIT OR Apache-2.0)")).isEqualTo("MIT OR Apache-2.0");
    assertThat(SpdxLicenses.normalize("(MIT OR Apache-2.0) AND (BSD-3-Clause OR Zlib)"))
        .isEqualTo("(MIT OR Apache-2.0) AND (BSD-3-Clause OR Zlib)");
    assertThat(SpdxLicenses.normalize("GPLv3+")).isEqualTo("GPL-3.0-or-later");
    assertThat(SpdxLicenses.normalize("LGPLv2.1")).isEqualTo("LGPL-2.1-only");
    assertThat(SpdxLicenses.normalize("AGPLv3+")).isEqualTo("AGPL-3.0-or-later");
    assertThat(SpdxLicenses.normalize("GNU GPL v3")).isEqualTo("GPL-3.0-only");
    assertThat(SpdxLicenses.normalize("GNU LESSER GENERAL PUBLIC LICENSE, Version 2.1")).isEqualTo("LGPL-2.1-only");
    assertThat(SpdxLicenses.normalize("GNU Affero General Public License v3.0")).isEqualTo("AGPL-3.0-only");
    assertThat(SpdxLicenses.normalize("CDDL + GPLv2 with classpath exception"))
        .isEqualTo("CDDL-1.0 OR GPL-2.0-only WITH Classpath-exception-2.0");
    assertThat(SpdxLicenses.normalize("GPL2 w/ CPE")).isEqualTo("GPL-2.0-only WITH Classpath-exception-2.0");
    assertThat(SpdxLicenses.normalize("http://www.apache.org/licenses/LICENSE-2.0.txt")).isEqualTo("Apache-2.0");
    assertThat(SpdxLicenses.normalize("https://opensource.org/licenses/MIT")).isEqualTo("MIT");
    assertThat(SpdxLicenses.normalize("http://www.eclipse.org/legal/epl-v10.html")).isEqualTo("EPL-1.0");
    assertThat(SpdxLicenses.normalize("https://www.mozilla.org/en-US/MPL/2.0/")).isEqualTo("MPL-2.0");
    assertThat(SpdxLicenses.normalize("https://github.com/o/r/blob/main/LICENSE")).isEqualTo("https://github.com/o/r/blob/main/LICENSE");
    assertThat(SpdxLicenses.normalize("MIT License (Apache-2.0)")).isEqualTo("MIT License (Apache-2.0)");
    assertThat(SpdxLicenses.normalize("UNLICENSED")).isEqualTo("UNLICENSED");
  }

  @Test
  void purlsFollowTheSpec() {
    assertThat(Purls.pypi("Django_REST.framework", "3.14.0")).isEqualTo("pkg:pypi/django-rest-framework@3.14.0");
    assertThat(Purls.npm("@babel/core", "7.23.0")).isEqualTo("pkg:npm/%40babel/core@7.23.0");
    assertThat(Purls.maven("org.apache.logging.log4j", "log4j-core", "2.14.1"))
        .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(Purls.golang("github.com/google/uuid", "v1.6.0")).isEqualTo("pkg:golang/github.com/google/uuid@v1.6.0");
    assertThat(Pep503.normalize("Foo.._-Bar")).isEqualTo("foo-bar");
  }

  @Test
  void licenceTextOfTheBundledListMatchesItself() throws IOException {
    try (InputStream in = LicenseTexts.class.getResourceAsStream("texts/BSD-2-Clause.txt")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(LicenseTexts.identify(text)).get().extracting(LicenseTexts.Match::id).isEqualTo("BSD-2-Clause");
    }
    assertThat(LicenseTexts.identify("This is not a licence at all, just a readme about cats and dogs.")).isEmpty();
  }

  /** The engine may hand over archive members without a local path: the streaming scan must find the blob. */
  @Test
  void goBuildInfoIsFoundWithoutALocalPath() throws IOException {
    Path hello = Fixtures.path("go-binary/elf/input/hello");
    byte[] bytes = Files.readAllBytes(hello);
    ScanFile streamOnly = new ScanFile() {
      public String path() { return "image.tar!usr/bin/hello"; }
      public long size() { return bytes.length; }
      public InputStream open() { return new java.io.ByteArrayInputStream(bytes); }
      public byte[] head() { return java.util.Arrays.copyOf(bytes, Math.min(bytes.length, HEAD_BYTES)); }
      public FileKind kind() { return Magic.sniff(head()); }
      public Optional<Path> localPath() { return Optional.empty(); }
    };
    List<Component> out = new GoBinaryCataloger().catalog(streamOnly, Fixtures.context(hello.getParent()));
    assertThat(out).extracting(Component::ref).contains("pkg:golang/github.com/example/greet@v1.2.0", "pkg:golang/stdlib@v1.19.8");
  }
}
