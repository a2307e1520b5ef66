package dev.bulwark.model.scan.bom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code pkg:huggingface/<org>/<name>} (purl spec: namespace is the user or organisation). */
final class HfPurl {
  private HfPurl() {}

  static String of(String repoId) {
    int slash = repoId.indexOf('/');
    return "pkg:huggingface/" + enc(repoId.substring(0, slash)) + "/" + enc(repoId.substring(slash + 1));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
