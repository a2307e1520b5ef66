package dev.bulwark.sbom.npm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NpmLockV1Test {

  @Test
  void registryTarballNamesItsPackage() {
    assertThat(NpmLockV1.registryTarball("https://registry.npmjs.org/ms/-/ms-2.1.3.tgz")).containsExactly("ms", "2.1.3");
    assertThat(NpmLockV1.registryTarball(
        "https://registry.npmjs.org/@isaacs/string-locale-compare/-/string-locale-compare-1.1.0.tgz"))
        .containsExactly("@isaacs/string-locale-compare", "1.1.0");
    assertThat(NpmLockV1.registryTarball("https://npm.example.com/repo/@scope%2fname/-/name-1.0.0-beta.1.tgz?token=x"))
        .containsExactly("@scope/name", "1.0.0-beta.1");
  }

  @Test
  void otherUrlsNameNothing() {
    assertThat(NpmLockV1.registryTarball("https://codeload.github.com/vercel/ms/tar.gz/1.0.0")).isNull();
    assertThat(NpmLockV1.registryTarball("https://example.com/downloads/ms-2.1.3.tgz")).isNull();
    assertThat(NpmLockV1.registryTarball("https://registry.npmjs.org/ms/-/other-2.1.3.tgz")).isNull();
  }
}
