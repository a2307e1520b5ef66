package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.secrets.detect.AhoCorasick;
import dev.bulwark.secrets.detect.Placeholders;
import dev.bulwark.secrets.detect.Validators;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DetectorUnitsTest {

  @Test
  void ahoCorasickFindsExactlyWhatNaiveSearchFinds() {
    List<String> words = List.of("he", "she", "his", "hers", "sk-", "sk-ant-", "a", "aaa", "ghp_", "token");
    AhoCorasick ac = AhoCorasick.build(words);
    Random r = new Random(7);
    String alphabet = "hersiaSK-ntgp_TOKENxy\u00e9";
    for (int round = 0; round < 300; round++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(200);
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text = b.toString();
      Set<String> expected = new TreeSet<>();
      String lower = text.toLowerCase(Locale.ROOT);
      for (int k = 0; k < words.size(); k++) {
        int from = 0;
        int at;
        while ((at = lower.indexOf(words.get(k), from)) >= 0) {
          expected.add(k + "@" + at);
          from = at + 1;
        }
      }
      Set<String> actual = new TreeSet<>();
      ac.scan(text, 0, text.length(), (k, s, e) -> actual.add(k + "@" + s));
      assertThat(actual).as(text).isEqualTo(expected);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertThat(ac.containsAny(bytes, 0, bytes.length)).isEqualTo(!expected.isEmpty());
    }
  }

  /** A prefix inside a base64url run (a pip RECORD's sha256) is not a token; after '=' or a space it is. */
  @Test
  void prefixedTokensAreNotTakenFromInsideBase64Runs() {
    var m = new dev.bulwark.secrets.detect.PrefixTokenMatcher("fw_", dev.bulwark.secrets.detect.PrefixTokenMatcher.ALNUM, 24, 40);
    java.util.function.Function<String, List<String>> found = text -> {
      List<String> out = new java.util.ArrayList<>();
      m.find(new dev.bulwark.secrets.detect.Window(text, 0, text.length(),
          dev.bulwark.secrets.detect.TextFormat.values()[0]), (a, b) -> out.add(text.substring(a, b)));
      return out;
    };
    assertThat(found.apply("pip/_vendor/platformdirs/version.py,sha256=qaN-fw_htIgKUVXoAuAEVgKxQu3tZ9qE2eiKkWIS7LA,160"))
        .isEmpty();
    assertThat(found.apply("FIREWORKS_API_KEY=fw_htIgKUVXoAuAEVgKxQu3tZ9qE2e")).containsExactly("fw_htIgKUVXoAuAEVgKxQu3tZ9qE2e");
    assertThat(found.apply("--key -fw_htIgKUVXoAuAEVgKxQu3tZ9qE2e")).containsExactly("fw_htIgKUVXoAuAEVgKxQu3tZ9qE2e");
  }

  @Test
  void githubChecksum() {
    String random = "Zk3qP9vL2mR8sT4wX7yB1nC5dF6gH0";
    String good = "ghp_" + random + Validators.base62Crc32(random);
    assertThat(Validators.crc32Base62(4).test(good)).isTrue();
    String bad = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
    assertThat(Validators.crc32Base62(4).test(bad)).isFalse();
  }

  @Test
  void bech32AndJwt() {
    // BIP-173 test vector
    assertThat(Validators.bech32("A12UEL5L")).isTrue();
    assertThat(Validators.bech32("A12UEL5M")).isFalse();
    String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    String none = b64("{\"alg\":\"none\"}");
    String payload = b64("{\"sub\":\"svc\"}");
    assertThat(Validators.signedJwt(header + "." + payload + ".c2lnbmF0dXJlLXNpZ25hdHVyZQ")).isTrue();
    assertThat(Validators.signedJwt(none + "." + payload + ".c2lnbmF0dXJlLXNpZ25hdHVyZQ")).isFalse();
    assertThat(Validators.signedJwt(header + "." + payload + ".")).isFalse();
  }

  @Test
  void placeholders() {
    for (String p : List.of("AKIAIOSFODNN7EXAMPLE", "xxxxxxxxxxxxxxxx", "<your-key>", "${API_KEY}", "changeme",
        "sk-proj-...", "{{ secret }}", "00000000000000000000")) {
      assertThat(Placeholders.isPlaceholder(p)).as(p).isTrue();
    }
    assertThat(Placeholders.isPlaceholder("Zk3qP9vL2mR8sT4wX7yB1nC5dF6gH0")).isFalse();
    assertThat(Placeholders.isPlaceholder("sk_test_4eC39HqLyjWDarjtT1zdp7dc")).isTrue();
    assertThat(Validators.signedJwt("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")).isFalse();
  }

  @Test
  void inlineAllowSyntax() {
    assertThat(InlineAllow.allows("x = 1 // bulwark:allow secret/jwt-signed-token", "secret/jwt-signed-token")).isTrue();
    assertThat(InlineAllow.allows("/* bulwark:allow jwt-signed-token */", "secret/jwt-signed-token")).isTrue();
    assertThat(InlineAllow.allows("/* bulwark:allow jwt-signed-token */", "secret/github-pat-classic")).isFalse();
    assertThat(InlineAllow.allows("# bulwark:allow secret/*", "secret/github-pat-classic")).isTrue();
    assertThat(InlineAllow.allows("# bulwark:allow secret/a, secret/b", "secret/b")).isTrue();
    assertThat(InlineAllow.allows("# nothing here", "secret/b")).isFalse();
  }

  private static String b64(String s) {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

}
