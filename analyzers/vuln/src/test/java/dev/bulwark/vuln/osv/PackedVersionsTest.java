package dev.bulwark.vuln.osv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackedVersionsTest {

  private static final char US = '\u001f';

  private static PackedVersions of(String... versions) {
    StringBuilder b = new StringBuilder();
    for (String v : versions) b.append(US).append(v);
    return new PackedVersions(b.toString(), US);
  }

  @Test
  void containsOnlyWholeVersions() {
    PackedVersions v = of("1.0", "1.0.1", "2.0rc1", "10.0");
    assertThat(v.contains("1.0")).isTrue();
    assertThat(v.contains("1.0.1")).isTrue();
    assertThat(v.contains("10.0")).isTrue();
    assertThat(v.contains("0.1")).isFalse();   // inside "10.0" and "1.0.1", never whole
    assertThat(v.contains("2.0")).isFalse();   // prefix of "2.0rc1"
    assertThat(v.contains("0")).isFalse();
    assertThat(v.contains("")).isFalse();
    assertThat(v.contains("1.0" + US + "1.0.1")).isFalse();
  }

  @Test
  void walksLikeTheListItStandsFor() {
    PackedVersions v = of("1.0", "1.1", "2.0");
    assertThat(v).containsExactly("1.0", "1.1", "2.0");
    assertThat(v).isEqualTo(List.of("1.0", "1.1", "2.0"));
    assertThat(of()).isEmpty();
    assertThat(new OsvEntry.Affected("PyPI", "x", null, List.of(), v, List.of(), null).versions()).isSameAs(v);
  }
}
