package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.secrets.catalog.DetectorCatalog;
import dev.bulwark.secrets.detect.Detector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every rule id has its page under {@code docs/rules/secret/}, generated from the catalogue so that pages and
 * detectors cannot drift apart. Regenerate with {@code -Dbulwark.writeDocs=true}.
 */
class RuleDocsTest {

  static Path docsDir() {
    String repo = System.getProperty("bulwark.repo");
    Path root = repo != null ? Path.of(repo) : Path.of("../..");
    return root.resolve("docs/rules/secret");
  }

  static Map<String, String> pages() {
    Map<String, String> pages = new LinkedHashMap<>();
    for (Detector d : DetectorCatalog.all()) {
      pages.put(d.slug() + ".md", page(d));
    }
    pages.put("scan-skipped.md", """
        # secret/scan-skipped — File not scanned for secrets: too large

        - **Rule id:** `secret/scan-skipped`
        - **Default severity:** info

        ## What it means

        The file is larger than the secret scanner's limit (`secrets.maxFileBytes`, default 32 MiB, and never more
        than the engine's per-file limit), so it was not read. Large files are usually data, logs or bundles; if
        such a file may hold credentials, raise the limit with `--set secrets.maxFileBytes=<bytes>`.
        """);
    pages.put("scan-truncated.md", """
        # secret/scan-truncated — Secret findings capped for this file

        - **Rule id:** `secret/scan-truncated`
        - **Default severity:** info

        ## What it means

        The file holds more distinct secrets than `secrets.maxFindingsPerFile` (default 100); only the first ones
        are reported so that one dump of credentials cannot flood the report. Treat every secret in the file as
        leaked, or raise the cap with `--set secrets.maxFindingsPerFile=<n>` to list them all.
        """);
    return pages;
  }

  static String page(Detector d) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(d.id()).append(" — ").append(d.title()).append("\n\n");
    b.append("- **Rule id:** `").append(d.id()).append("`\n");
    b.append("- **Scanner:** secret\n");
    b.append("- **Default severity:** ").append(d.severity().id()).append("\n");
    b.append("- **Prefilter keywords:** ").append(String.join(", ", d.keywords().stream().map(k -> "`" + k + "`").toList()))
        .append("\n\n");
    b.append("## What it finds\n\n").append(d.about()).append("\n\n");
    b.append("Matching is linear-time (a hand-written scanner or RE2/J) and runs only near the keywords above, "
        + "found in one Aho–Corasick pass. Documented examples and placeholders (`EXAMPLE`, `xxxx`, `changeme`, "
        + "`<your-key>`, `${VAR}`, runs of one character) are not reported.\n\n");
    b.append("## Why it matters\n\n").append("Anyone who can read the repository, an image layer, a notebook "
        + "output or an old commit can use this credential with the owner's rights until it is revoked. "
        + "Deleting it in a later commit does not help: it stays in history and in every clone.\n\n");
    b.append("## What to do\n\n")
        .append("1. Revoke or rotate the credential at the provider first, assuming it is compromised.\n")
        .append("2. Remove it from the file; load it at run time from a secret store or an environment variable.\n")
        .append("3. If it was committed, purge it from history (e.g. `git filter-repo`) and force every clone to refresh; "
            + "scan with `--git-history` to check.\n\n");
    b.append("## Evidence and suppression\n\n")
        .append("Findings never contain the value: evidence holds `secret.prefix` (at most 8 characters), "
            + "`secret.sha256` (12 hex digits) and `secret.length`; the fingerprint is derived from the value's hash, "
            + "so the finding keeps its id when the line moves.\n\n")
        .append("- Accept one occurrence with a comment `bulwark:allow ").append(d.id())
        .append("` on the same line or the line above.\n")
        .append("- Accept all current findings with `bulwark secrets baseline PATH -o secrets-baseline.json` and scan "
            + "with `--baseline secrets-baseline.json` (setting `secrets.baseline`).\n");
    return b.toString();
  }

  @Test
  void everyRuleHasAnUpToDatePage() throws IOException {
    Path dir = docsDir();
    Map<String, String> pages = pages();
    if (Boolean.getBoolean("bulwark.writeDocs")) {
      Files.createDirectories(dir);
      for (var e : pages.entrySet()) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    }
    List<String> stale = new ArrayList<>();
    for (var e : pages.entrySet()) {
      Path p = dir.resolve(e.getKey());
      if (!Files.exists(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
        stale.add(e.getKey());
      }
    }
    assertThat(stale).as("missing or stale rule pages in " + dir + " (regenerate with -Dbulwark.writeDocs=true)").isEmpty();
  }
}
