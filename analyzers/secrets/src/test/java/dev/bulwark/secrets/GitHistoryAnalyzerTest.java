package dev.bulwark.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.model.Finding;
import dev.bulwark.spi.AnalyzerSkippedException;
import dev.bulwark.spi.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryAnalyzerTest {

  @TempDir
  Path repo;

  private RevCommit commit(Git git, String message, Instant when) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().setUpdate(true).addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Dev", "dev@example.org", Date.from(when), TimeZone.getTimeZone(ZoneOffset.UTC));
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
  }

  @Test
  void reportsEachSecretOnceAtTheCommitThatAddedItEvenAfterRemoval() throws Exception {
    String token = FileFormatsTest.TOKEN;
    String other = FileFormatsTest.OTHER;
    RevCommit added;
    RevCommit onBranch;
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.writeString(repo.resolve("README.md"), "# demo\n");
      commit(git, "initial", Instant.parse("2025-01-01T10:00:00Z"));
      Files.writeString(repo.resolve("config.py"), "import os\nGITHUB_TOKEN = '" + token + "'\n");
      added = commit(git, "add config", Instant.parse("2025-01-02T10:00:00Z"));
      Files.writeString(repo.resolve("config.py"), "import os\nGITHUB_TOKEN = '" + token + "'\nDEBUG = True\n");
      commit(git, "touch config", Instant.parse("2025-01-03T10:00:00Z"));
      Files.writeString(repo.resolve("config.py"), "import os\nGITHUB_TOKEN = os.environ['GITHUB_TOKEN']\n");
      commit(git, "remove secret", Instant.parse("2025-01-04T10:00:00Z"));
      git.checkout().setCreateBranch(true).setName("feature").call();
      Files.writeString(repo.resolve("deploy.env"), "TOKEN=" + other + "\n");
      onBranch = commit(git, "feature secret", Instant.parse("2025-01-05T10:00:00Z"));
      git.checkout().setName("main").call();
    }
    GitHistoryAnalyzer analyzer = new GitHistoryAnalyzer();
    var context = Fixtures.context(repo, Map.of("secrets.gitHistory", "true"));
    assertThat(analyzer.enabled(context)).isTrue();
    assertThat(analyzer.enabled(Fixtures.context(repo))).isFalse();

    List<Finding> findings = analyzer.analyze(context.tree(), context);

    assertThat(findings).hasSize(2);
    Finding first = findings.stream().filter(f -> f.location().path().equals("config.py")).findFirst().orElseThrow();
    assertThat(first.rule()).isEqualTo("secret/github-pat-classic");
    assertThat(first.location().line()).isEqualTo(2);
    assertThat(first.evidence()).containsEntry("git.commit", added.getName())
        .containsEntry("git.authorDate", "2025-01-02T10:00:00Z");
    Finding branch = findings.stream().filter(f -> f.location().path().equals("deploy.env")).findFirst().orElseThrow();
    assertThat(branch.evidence()).containsEntry("git.commit", onBranch.getName());
    // the working tree no longer holds either secret
    SecretFileAnalyzer files = new SecretFileAnalyzer();
    for (var f : Fixtures.tree(repo).files()) {
      if (!f.path().startsWith(".git/") && files.accepts(f)) {
        assertThat(files.analyze(f, context)).isEmpty();
      }
    }
    // history findings do not collide with working-tree ids of the same secret
    Path copy = Files.writeString(repo.resolve("config.py"), "GITHUB_TOKEN = '" + token + "'\n", StandardCharsets.UTF_8);
    String worktreeId = files.analyze(Fixtures.file(copy), context).get(0).id();
    assertThat(worktreeId).isNotEqualTo(first.id());
  }

  @Test
  void aDirectoryWithoutGitIsSkipped() {
    var context = Fixtures.context(repo, Map.of("secrets.gitHistory", "true"));
    assertThatThrownBy(() -> new GitHistoryAnalyzer().analyze(context.tree(), context))
        .isInstanceOf(AnalyzerSkippedException.class).hasMessageContaining("not a git repository");
  }
}
