package dev.bulwark.model.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.spi.FileKind;
import dev.bulwark.spi.Magic;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Protocol-0/1 pickles have no header: text that merely resembles their opcodes must not become a model,
 * and a pickle whose valid prefix calls something must be scanned even when garbage follows it. The text
 * cases are real files seen in /usr/lib (a README, Java service files) during a scan of this machine.
 */
class TextPickleSniffTest {

  private static ModelKind.Kind kind(String text) {
    return ModelKind.of(text.getBytes(StandardCharsets.ISO_8859_1), "some/file");
  }

  @Test
  void textThatLooksLikeOpcodesIsNotAPickle() {
    assertThat(kind("cachetools\n==========\n\n.. image:: https://img.shields.io/pypi/v/cachetools\n"))
        .isEqualTo(ModelKind.Kind.OTHER);
    assertThat(kind("com.google.appengine.spi.FactoryProvider\n")).isEqualTo(ModelKind.Kind.OTHER);
    assertThat(kind("com.google.appengine.spi.FactoryProvider\ncom.google.appengine.api.Other\n"))
        .isEqualTo(ModelKind.Kind.OTHER);
    assertThat(kind("com.example.A\ncom.example.B\norg.example.C\nio.example.D\n")).isEqualTo(ModelKind.Kind.OTHER);
    assertThat(kind("(see below)\nIn this chapter...\n")).isEqualTo(ModelKind.Kind.OTHER);
    // 'i' INST with two identifier lines but no MARK before it: the unpickler fails before calling anything
    assertThat(kind("io.grpc.xds.CdsLoadBalancerProvider\nio.grpc.xds.PriorityLoadBalancerProvider\n"
        + "io.grpc.xds.WeightedTargetLoadBalancerProvider\n")).isEqualTo(ModelKind.Kind.OTHER);
    assertThat(kind("Unless specified below, all files in the tz code and data (including\nthis LICENSE file) are"
        + " in the public domain.\n\nIf the files are used in a product, please credit them.\n"))
        .isEqualTo(ModelKind.Kind.OTHER);
    assertThat(kind("Some notes\nline two\n")).isEqualTo(ModelKind.Kind.OTHER);
    assertThat(Magic.sniff("com.x.A\ncom.x.B\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileKind.TEXT);
  }

  @Test
  void realTextPicklesAreRecognised() {
    assertThat(kind("(dp0\nS'a'\np1\nI1\ns.")).isEqualTo(ModelKind.Kind.PICKLE);
    assertThat(kind("ccopy_reg\n_reconstructor\np0\n(c__main__\nFoo\np1\nc__builtin__\nobject\np2\nNtp3\nRp4\n."))
        .isEqualTo(ModelKind.Kind.PICKLE);
    assertThat(kind("cos\nsystem\n(S'id'\ntR.")).isEqualTo(ModelKind.Kind.PICKLE);
    assertThat(Magic.sniff("cos\nsystem\n(S'id'\ntR.".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileKind.PICKLE);
  }

  @Test
  void aCallFollowedByGarbageIsStillAPickle() {
    // the unpickler imports and calls before it meets the garbage
    assertThat(kind("cos\nsystem\n(S'id'\ntR\u0000\u0001garbage")).isEqualTo(ModelKind.Kind.PICKLE);
    assertThat(kind("cbuiltins\nexit\n)Rxyz~~")).isEqualTo(ModelKind.Kind.PICKLE);
    assertThat(kind("(cos\nsystem\nS'id'\no~~")).isEqualTo(ModelKind.Kind.PICKLE);
  }
}
