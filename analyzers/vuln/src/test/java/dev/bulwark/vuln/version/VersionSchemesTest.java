package dev.bulwark.vuln.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each scheme against orderings its own tool documents (PEP 440 examples, dpkg, apk, Gem::Version...). */
class VersionSchemesTest {

  /** Asserts that the versions are in strictly ascending order, pairwise and transitively. */
  static void ascending(VersionScheme scheme, String... versions) {
    for (int i = 0; i < versions.length; i++) {
      for (int j = 0; j < versions.length; j++) {
        int c = Integer.signum(scheme.compare(versions[i], versions[j]));
        assertThat(c).as("%s: %s vs %s", scheme.id(), versions[i], versions[j]).isEqualTo(Integer.compare(i, j));
      }
    }
  }

  static void same(VersionScheme scheme, String a, String b) {
    assertThat(scheme.compare(a, b)).as("%s: %s == %s", scheme.id(), a, b).isZero();
  }

  @Test
  void pep440OrderingFromTheSpec() {
    ascending(Pep440Version.SCHEME, "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
        "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0",
        "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1", "1!0.1");
  }

  @Test
  void pep440Normalisation() {
    same(Pep440Version.SCHEME, "1.0", "1.0.0");
    same(Pep440Version.SCHEME, "v1.0", "1.0");
    same(Pep440Version.SCHEME, "1.0-alpha.1", "1.0a1");
    same(Pep440Version.SCHEME, "1.0c1", "1.0rc1");
    same(Pep440Version.SCHEME, "1.0-1", "1.0.post1");
    same(Pep440Version.SCHEME, "1.0.post", "1.0.post0");
    same(Pep440Version.SCHEME, "1.0-DEV", "1.0.dev0");
    same(Pep440Version.SCHEME, "1.0+ubuntu-1", "1.0+ubuntu.1");
    same(Pep440Version.SCHEME, "0!1.0", "1.0");
    assertThatThrownBy(() -> Pep440Version.parse("1.0-bulbasaur")).isInstanceOf(InvalidVersionException.class);
    assertThatThrownBy(() -> Pep440Version.parse("1.0+")).isInstanceOf(InvalidVersionException.class);
  }

  @Test
  void pythonLegacyVersionsSortBeforePep440() {
    ascending(PythonVersion.SCHEME, "0.1-bulbasaur", "0.9-doduo", "0.0.1", "2.6.0");
    ascending(PythonVersion.SCHEME, "2013-01-21T20:33:09+0100", "2013-01-23T17:11:52+0100");
    same(PythonVersion.SCHEME, "1.0.0", "1.0");
  }

  @Test
  void semverPrecedenceFromTheSpec() {
    ascending(SemVer.SCHEME, "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
        "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0");
    same(SemVer.SCHEME, "1.0.0+build.1", "1.0.0+build.2");
    same(SemVer.SCHEME, "v1.2", "1.2.0");
    assertThatThrownBy(() -> SemVer.parse("1.0.0-")).isInstanceOf(InvalidVersionException.class);
    assertThatThrownBy(() -> SemVer.parse("1.x")).isInstanceOf(InvalidVersionException.class);
  }

  @Test
  void pubOrdersBuildMetadata() {
    ascending(SemVer.PUB, "1.0.0-dev", "1.0.0", "1.0.0+1", "1.0.0+2", "1.0.1");
  }

  @Test
  void goPseudoVersionsAndIncompatible() {
    VersionScheme go = new GoVersionScheme();
    ascending(go, "v0.0.0-20170424173420-06e7a29f36a3", "v0.9.0", "v0.9.1-0.20170424173420-06e7a29f36a3", "v0.9.1",
        "v1.16.0-0", "v1.16.0", "v1.16.1");
    same(go, "v2.0.0+incompatible", "2.0.0");
    same(go, "go1.20", "1.20.0");
    ascending(go, "go1.21rc2", "go1.21.0");
  }

  @Test
  void rubyGemsOrdering() {
    ascending(RubyGemsVersion.SCHEME, "1.0.a", "1.0.a1", "1.0.b1", "1.0.rc1", "1.0", "1.0.1", "1.1", "2.0.0.pre",
        "2.0.0");
    same(RubyGemsVersion.SCHEME, "1.0", "1.0.0.0");
    same(RubyGemsVersion.SCHEME, "1.0.0-rc1", "1.0.0.pre.rc1");
  }

  @Test
  void nugetOrdering() {
    ascending(NuGetVersion.SCHEME, "0.0.1-test1", "1.0.0-Alpha", "1.0.0-beta", "1.0.0-beta.2", "1.0.0", "1.0.0.1",
        "1.0.1", "3.0.0-alpha4", "3.0.0");
    same(NuGetVersion.SCHEME, "1.0", "1.0.0.0");
    same(NuGetVersion.SCHEME, "1.0.0-ALPHA", "1.0.0-alpha");
    same(NuGetVersion.SCHEME, "1.0.0+meta", "1.0.0");
  }

  @Test
  void composerOrdering() {
    ascending(ComposerVersion.SCHEME, "1.0.0-dev", "1.0.0-alpha1", "1.0.0-beta1", "1.0.0-beta2", "1.0.0-RC1",
        "1.0.0", "1.0.0-p1", "1.0.1", "8.4.7", "8.5.0", "10.4.10");
    same(ComposerVersion.SCHEME, "v1.2", "1.2.0.0");
    same(ComposerVersion.SCHEME, "1.0.0-stable", "1.0.0");
    assertThatThrownBy(() -> ComposerVersion.parse("dev-main")).isInstanceOf(InvalidVersionException.class);
  }

  @Test
  void debianDpkgOrdering() {
    ascending(DebianVersion.SCHEME, "1.0~rc1", "1.0", "1.0-1", "1.0-1+deb12u1", "1.0-2", "1.0a", "1.0+b1", "1.1",
        "2:0.1");
    ascending(DebianVersion.SCHEME, "1.0~~", "1.0~~a", "1.0~", "1.0");
    same(DebianVersion.SCHEME, "0:1.0-1", "1.0-1");
    same(DebianVersion.SCHEME, "1.01", "1.1");
  }

  @Test
  void alpineApkOrdering() {
    ascending(AlpineVersion.SCHEME, "1.0_alpha1", "1.0_beta", "1.0_pre1", "1.0_rc1", "1.0", "1.0-r1", "1.0_p1",
        "1.0a", "1.0.1", "1.1");
    ascending(AlpineVersion.SCHEME, "1.02", "1.1");
    ascending(AlpineVersion.SCHEME, "3.0.8-r0", "3.0.8-r3", "3.0.10-r0");
  }

  @Test
  void rpmOrdering() {
    ascending(RpmVersion.SCHEME, "1.0~rc1-1.el9", "1.0-1.el9", "1.0-1.el9_2", "1.0^git1-1.el9", "1.0.1-1.el9",
        "1:0.5-1.el9");
    ascending(RpmVersion.SCHEME, "3-40.el8", "3-41.el8", "8.0.27-1.el10_2");
    same(RpmVersion.SCHEME, "1.0", "1.0-5.el9");
  }

  @Test
  void mavenUsesComparableVersion() {
    VersionScheme maven = new MavenVersionScheme();
    ascending(maven, "2.0-beta9", "2.0-rc1", "2.0", "2.3.1", "2.12.2", "2.14.1", "2.15.0", "2.16.0", "2.17.1");
    ascending(maven, "9.0.0.M1", "9.0.0-M11", "9.0.0");
    same(maven, "1.0", "1.0.0");
    same(maven, "1.0-final", "1.0");
  }

  @Test
  void fallbackForOtherEcosystems() {
    ascending(FallbackVersion.SCHEME, "1.0-beta", "1.0", "1.0.1", "1.4.1", "2.16.1", "2.18.0.1", "3.0.0");
  }

  @Test
  void ecosystemsNameNormalisation() {
    assertThat(Ecosystems.normaliseName("PyPI", "Jinja2")).isEqualTo("jinja2");
    assertThat(Ecosystems.normaliseName("PyPI", "zope.interface__x")).isEqualTo("zope-interface-x");
    assertThat(Ecosystems.normaliseName("NuGet", "Google.Protobuf")).isEqualTo("google.protobuf");
    assertThat(Ecosystems.normaliseName("npm", "JSONStream")).isEqualTo("JSONStream");
    assertThat(Ecosystems.normaliseName("Go", "github.com/Azure/go-autorest")).isEqualTo("github.com/Azure/go-autorest");
    assertThat(Ecosystems.normaliseName("Maven", "org.apache.logging.log4j:log4j-core"))
        .isEqualTo("org.apache.logging.log4j:log4j-core");
    assertThat(Ecosystems.scheme("Debian:12").id()).isEqualTo("dpkg");
    assertThat(Ecosystems.scheme("Alpine:v3.19").id()).isEqualTo("apk");
    assertThat(Ecosystems.scheme("Packagist:https://packages.drupal.org/8").id()).isEqualTo("composer");
    assertThat(List.of(Ecosystems.releaseSpecific("Debian"), Ecosystems.releaseSpecific("Packagist")))
        .containsExactly(true, false);
  }
}
