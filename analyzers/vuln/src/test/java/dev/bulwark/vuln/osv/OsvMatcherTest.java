package dev.bulwark.vuln.osv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.spi.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real advisories (fixtures copied unmodified from the shared OSV zips) against installed versions. */
class OsvMatcherTest {

  static OsvEntry advisory(String zip, String id) throws IOException {
    return OsvParser.parse(Files.readAllBytes(Fixtures.path("vuln/advisories/" + zip + "/" + id.replace(':', '_') + ".json")));
  }

  static Optional<OsvMatcher.Match> match(String zip, String id, String eco, String name, String version) throws IOException {
    return OsvMatcher.match(advisory(zip, id), PackageRef.of(eco, name, version), new VersionCache());
  }

  @ParameterizedTest(name = "{1} {3}@{4} affected={5} fix={6}")
  @CsvSource({
      // Log4Shell as GHSA records it: <2.3.1, 2.4 to <2.12.2, 2.13.0 to <2.15.0
      "Maven, GHSA-jfh8-c2jp-5v3q, Maven, org.apache.logging.log4j:log4j-core, 2.14.1, true, 2.15.0",
            "Maven, GHSA-jfh8-c2jp-5v3q, Maven, org.apache.logging.log4j:log4j-core, 2.0-beta8, true, 2.3.1",
      "Maven, GHSA-jfh8-c2jp-5v3q, Maven, org.apache.logging.log4j:log4j-core, 2.15.0, false, ",
      "Maven, GHSA-jfh8-c2jp-5v3q, Maven, org.apache.logging.log4j:log4j-core, 2.12.2, false, ",
      "Maven, GHSA-jfh8-c2jp-5v3q, Maven, org.apache.logging.log4j:log4j-api, 2.14.1, false, ",
      "Maven, GHSA-7rjr-3q55-vv33, Maven, org.apache.logging.log4j:log4j-core, 2.14.1, true, 2.16.0",
      "Maven, GHSA-p6xc-xr62-6r2g, Maven, org.apache.logging.log4j:log4j-core, 2.16.0, true, 2.17.0",
      "Maven, GHSA-4w82-r329-3q67, Maven, com.fasterxml.jackson.core:jackson-databind, 2.9.10.1, true, 2.9.10.3",
      // torch.load weights_only RCE (CVE-2025-32434)
      "PyPI, PYSEC-2025-41, PyPI, torch, 1.13.1, true, 2.6.0",
      "PyPI, PYSEC-2025-41, PyPI, Torch, 2.5.1+cu121, true, 2.6.0",
      "PyPI, PYSEC-2025-41, PyPI, torch, 2.6.0, false, ",
      "PyPI, GHSA-47fc-vmwq-366v, PyPI, torch, 1.13.0, true, 1.13.1",
      "PyPI, GHSA-47fc-vmwq-366v, PyPI, torch, 1.13.1, false, ",
      "PyPI, PYSEC-2023-299, PyPI, transformers, 4.29.2, true, 4.30.0",
      // PEP 503 names; last_affected with a legacy (non PEP 440) version, as osv.dev orders it
      "PyPI, PYSEC-2025-192, PyPI, torch, 2.6.0, false, ",
      "PyPI, MAL-2022-7421, PyPI, ASCII2Text, 0.0.1, true, ",
      "npm, MAL-2022-1122, npm, arpan-package, 2.0.5, true, ",
      "npm, GHSA-35jh-r3h4-6jhm, npm, lodash, 4.17.20, true, 4.17.21",
      "npm, GHSA-35jh-r3h4-6jhm, npm, Lodash, 4.17.20, false, ",
      // Go pseudo-versions in SEMVER events; the stdlib's own spelling
      "Go, GO-2020-0008, Go, github.com/miekg/dns, v1.1.25-0.20191211073109-8ebf2e419df7, false, ",
      "Go, GO-2020-0008, Go, github.com/miekg/dns, v1.1.24, true, 1.1.25-0.20191211073109-8ebf2e419df7",
      "Go, GO-2021-0067, Go, stdlib, go1.16, true, 1.16.1",
      "Go, GO-2021-0067, Go, stdlib, v1.16.0-rc1, true, 1.16.1",
      "crates.io, RUSTSEC-2020-0165, crates.io, mozjpeg, 0.8.18, true, 0.8.19",
      "RubyGems, GHSA-gxr4-xjj5-5px2, RubyGems, jquery-rails, 4.3.0, true, 4.4.0",
      "NuGet, GHSA-77rm-9x9h-xj3g, NuGet, google.protobuf, 3.14.0, true, 3.15.0",
      "Packagist, DRUPAL-CORE-2018-003, Packagist, drupal/core, 8.4.6, true, 8.4.7",
      "Packagist, DRUPAL-CORE-2018-003, Packagist, drupal/core, 8.5.2, false, ",
      "AlmaLinux, ALSA-2026:21286, AlmaLinux:10, aspnetcore-runtime-8.0, 8.0.26-1.el10_1, true, 8.0.27-1.el10_2",
      "AlmaLinux, ALSA-2026:21286, AlmaLinux:9, aspnetcore-runtime-8.0, 8.0.26-1.el10_1, false, ",
      "Bitnami, BIT-minio-2021-21287, Bitnami, minio, 2020.12.18, true, 2021.01.30",
  })
  void realAdvisories(String zip, String id, String eco, String name, String version, boolean affected, String fix)
      throws IOException {
    Optional<OsvMatcher.Match> m = match(zip, id, eco, name, version);
    assertThat(m.isPresent()).as("affected").isEqualTo(affected);
    if (affected && fix != null) {
      assertThat(m.get().fixed()).isEqualTo(fix);
    }
  }

  @Test
  void distributionReleasesMustAgree() {
    OsvEntry.Range r = new OsvEntry.Range("ECOSYSTEM", null, List.of(new OsvEntry.Event("introduced", "0"),
        new OsvEntry.Event("fixed", "3.0.2-0ubuntu1.10")));
    OsvEntry e = new OsvEntry("UBUNTU-CVE-TEST", null, null, List.of(), List.of(), null, null, List.of(),
        List.of(new OsvEntry.Affected("Ubuntu:22.04:LTS", "openssl", null, List.of(r), List.of(), List.of(), null)),
        List.of(), null);
    VersionCache c = new VersionCache();
    assertThat(OsvMatcher.match(e, PackageRef.of("Ubuntu:22.04", "openssl", "3.0.2-0ubuntu1.9"), c)).isPresent();
    assertThat(OsvMatcher.match(e, PackageRef.of("Ubuntu:22.04:LTS", "openssl", "3.0.2-0ubuntu1.9"), c)).isPresent();
    assertThat(OsvMatcher.match(e, PackageRef.of("Ubuntu:20.04", "openssl", "3.0.2-0ubuntu1.9"), c)).isEmpty();
    assertThat(OsvMatcher.match(e, PackageRef.of("Ubuntu:22.0", "openssl", "3.0.2-0ubuntu1.9"), c)).isEmpty();
  }

  @Test
  void withdrawnRecordsNeverMatch() throws IOException {
    OsvEntry e = advisory("PyPI", "PYSEC-2025-74");
    assertThat(e.withdrawn()).isNotNull();
    assertThat(OsvMatcher.match(e, PackageRef.of("PyPI", "jinja2", "2.11.2"), new VersionCache())).isEmpty();
  }

  @Test
  void gitRangesAreCountedNotEvaluated() throws IOException {
    OsvMatcher.Match m = match("PyPI", "PYSEC-2022-43015", "PyPI", "torch", "1.13.0").orElseThrow();
    assertThat(m.gitRangesSkipped()).isEqualTo(1);
    assertThat(m.ranges()).containsExactly(">=0, <1.13.1");
  }

  @Test
  void explicitVersionsListMatchesWithoutRange() throws IOException {
    // MAL-2022-1122 lists 2.0.5 and has introduced 0: both agree; an unlisted version matches through the range
    assertThat(match("npm", "MAL-2022-1122", "npm", "arpan-package", "9.9.9")).isPresent();
  }

  @Test
  void eventsAreSortedBeforeEvaluation() {
    OsvEntry.Range unsorted = new OsvEntry.Range("ECOSYSTEM", null, List.of(new OsvEntry.Event("fixed", "2.0"),
        new OsvEntry.Event("introduced", "1.5"), new OsvEntry.Event("fixed", "1.2"), new OsvEntry.Event("introduced", "0")));
    OsvEntry e = new OsvEntry("TEST-1", "2024-01-01T00:00:00Z", null, List.of(), List.of(), null, null, List.of(),
        List.of(new OsvEntry.Affected("PyPI", "x", null, List.of(unsorted), List.of(), List.of(), null)), List.of(), null);
    VersionCache c = new VersionCache();
    assertThat(OsvMatcher.match(e, PackageRef.of("PyPI", "x", "1.1"), c)).isPresent();
    assertThat(OsvMatcher.match(e, PackageRef.of("PyPI", "x", "1.3"), c)).isEmpty();
    assertThat(OsvMatcher.match(e, PackageRef.of("PyPI", "x", "1.9"), c).orElseThrow().fixed()).isEqualTo("2.0");
  }

  @Test
  void limitCapsTheRange() {
    OsvEntry.Range r = new OsvEntry.Range("SEMVER", null, List.of(new OsvEntry.Event("introduced", "0"),
        new OsvEntry.Event("limit", "1.5.0")));
    OsvEntry e = new OsvEntry("TEST-2", null, null, List.of(), List.of(), null, null, List.of(),
        List.of(new OsvEntry.Affected("npm", "x", null, List.of(r), List.of(), List.of(), null)), List.of(), null);
    VersionCache c = new VersionCache();
    assertThat(OsvMatcher.match(e, PackageRef.of("npm", "x", "1.4.9"), c)).isPresent();
    assertThat(OsvMatcher.match(e, PackageRef.of("npm", "x", "1.5.0"), c)).isEmpty();
  }
}
