package dev.bulwark.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.vuln.osv.PackageRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComponentPackagesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 | Maven | org.apache.logging.log4j:log4j-core | 2.14.1",
      "pkg:pypi/PyYAML@5.3.1 | PyPI | pyyaml | 5.3.1",
      "pkg:npm/%40babel/core@7.0.0 | npm | @babel/core | 7.0.0",
      "pkg:golang/github.com/miekg/dns@v1.1.24 | Go | github.com/miekg/dns | v1.1.24",
      "pkg:cargo/mozjpeg@0.8.18 | crates.io | mozjpeg | 0.8.18",
      "pkg:gem/jquery-rails@4.3.0 | RubyGems | jquery-rails | 4.3.0",
      "pkg:gem/nokogiri@1.13.10-x86_64-linux | RubyGems | nokogiri | 1.13.10",
      "pkg:gem/rails@7.1.0-rc1 | RubyGems | rails | 7.1.0-rc1",
      "pkg:nuget/Google.Protobuf@3.14.0 | NuGet | Google.Protobuf | 3.14.0",
      "pkg:composer/drupal/core@8.4.6 | Packagist | drupal/core | 8.4.6",
      "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl | Debian:12 | openssl | 3.0.11-1~deb12u2",
      "pkg:deb/debian/bash@5.2.15-2?distro=bookworm&epoch=1 | Debian:12 | bash | 1:5.2.15-2",
      "pkg:deb/ubuntu/bash@5.1-6ubuntu1?distro=ubuntu-22.04 | Ubuntu:22.04 | bash | 5.1-6ubuntu1",
      "pkg:apk/alpine/libcrypto3@3.1.4-r0?distro=alpine-3.19.1&upstream=openssl | Alpine:v3.19 | openssl | 3.1.4-r0",
      "pkg:rpm/almalinux/aspnetcore-runtime-8.0@8.0.26-1.el10_1?distro=almalinux-10.0 | AlmaLinux:10 | aspnetcore-runtime-8.0 | 8.0.26-1.el10_1",
  })
  void purlsMapToOsvPackages(String purl, String eco, String name, String version) {
    PackageRef r = ComponentPackages.fromPurl(purl, null).orElseThrow();
    assertThat(r.ecosystem()).isEqualTo(eco);
    assertThat(r.name()).isEqualTo(name);
    assertThat(r.version()).isEqualTo(version);
  }
}
