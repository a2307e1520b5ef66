package dev.bulwark.secrets.catalog;

import static dev.bulwark.model.Severity.CRITICAL;
import static dev.bulwark.model.Severity.HIGH;
import static dev.bulwark.model.Severity.MEDIUM;
import static dev.bulwark.secrets.catalog.Rules.assigned;
import static dev.bulwark.secrets.catalog.Rules.regex;
import static dev.bulwark.secrets.catalog.Rules.token;
import static dev.bulwark.secrets.detect.PrefixTokenMatcher.ALNUM;
import static dev.bulwark.secrets.detect.PrefixTokenMatcher.ALNUM_DASH;
import static dev.bulwark.secrets.detect.PrefixTokenMatcher.HEX;

import dev.bulwark.model.Severity;
import dev.bulwark.secrets.detect.Detector;
import dev.bulwark.secrets.detect.Validators;
import java.util.List;

/** Source hosts, CI services and package registries. */
final class CodeHosts {

  private CodeHosts() {}

  static List<Detector> all() {
    return List.of(
        github("github-pat-classic", "GitHub personal access token (classic)", "ghp_"),
        github("github-oauth-token", "GitHub OAuth access token", "gho_"),
        github("github-user-to-server-token", "GitHub App user-to-server token", "ghu_"),
        github("github-app-installation-token", "GitHub App installation (server-to-server) token", "ghs_"),
        github("github-refresh-token", "GitHub App refresh token", "ghr_"),
        token("github-fine-grained-pat", "GitHub fine-grained personal access token", CRITICAL, "github_pat_",
            "A-Za-z0-9_", 82, 82).validator(v -> v.charAt(33) == '_').priority(20).build(),
        token("gitlab-pat", "GitLab personal, project or group access token", CRITICAL, "glpat-", "A-Za-z0-9_.-", 20, 300)
            .build(),
        token("gitlab-deploy-token", "GitLab deploy token", HIGH, "gldt-", ALNUM_DASH, 20, 64).build(),
        token("gitlab-runner-token", "GitLab runner authentication token", HIGH, "glrt-", "A-Za-z0-9_.-", 20, 300).build(),
        token("gitlab-runner-registration-token", "GitLab runner registration token", HIGH, "GR1348941", ALNUM_DASH,
            20, 20).build(),
        token("gitlab-pipeline-trigger-token", "GitLab pipeline trigger token", HIGH, "glptt-", HEX, 40, 40).build(),
        token("gitlab-ci-job-token", "GitLab CI/CD job token", MEDIUM, "glcbt-", "A-Za-z0-9_.-", 20, 300).build(),
        token("gitlab-oauth-app-secret", "GitLab OAuth application secret", HIGH, "gloas-", ALNUM_DASH, 64, 64).build(),
        token("gitlab-scim-token", "GitLab SCIM OAuth token", HIGH, "glsoat-", ALNUM_DASH, 20, 20).build(),
        token("gitlab-feed-token", "GitLab feed token", MEDIUM, "glft-", ALNUM_DASH, 20, 20).build(),
        token("gitlab-incoming-mail-token", "GitLab incoming e-mail token", MEDIUM, "glimt-", ALNUM_DASH, 25, 25).build(),
        token("gitlab-agent-token", "GitLab agent for Kubernetes token", HIGH, "glagent-", ALNUM_DASH, 50, 50).build(),
        token("gitlab-feature-flags-token", "GitLab feature flags client token", MEDIUM, "glffct-", ALNUM_DASH, 20, 20)
            .build(),
        token("bitbucket-app-password", "Bitbucket app password", HIGH, "ATBB", "A-Za-z0-9_=.-", 28, 40).build(),
        assigned("bitbucket-client-secret", "Bitbucket OAuth consumer secret", HIGH, "[A-Za-z0-9_=-]{64}", "bitbucket")
            .build(),
        token("bitbucket-access-token", "Bitbucket repository/workspace access token", HIGH, "ATCTT3",
            "A-Za-z0-9_=-", 150, 260).build(),
        token("npm-access-token", "npm access token", CRITICAL, "npm_", ALNUM, 36, 36)
            .validator(Validators.crc32Base62(4)).priority(20)
            .about("npm access token: `npm_` followed by 30 random base62 characters and a 6-character base62 "
                + "CRC32 of them; candidates whose checksum does not verify are not reported.").build(),
        regex("npm-legacy-auth-token", "npm legacy auth token in .npmrc", HIGH,
            "_authToken\\s*=\\s*(" + Rules.UUID + ")", "_authtoken").build(),
        token("pypi-upload-token", "PyPI upload token", CRITICAL, "pypi-AgEIcHlwaS5vcmc", ALNUM_DASH, 50, 1000)
            .validator(Validators::pypiMacaroon).priority(20)
            .about("PyPI API token: `pypi-` and a base64 macaroon whose first bytes name the location "
                + "`pypi.org`; the macaroon header is decoded and checked.").build(),
        token("pypi-test-upload-token", "TestPyPI upload token", MEDIUM, "pypi-AgENdGVzdC5weXBpLm9yZw", ALNUM_DASH, 50, 1000)
            .validator(Validators::pypiMacaroon).priority(20).build(),
        token("nuget-api-key", "NuGet API key", HIGH, "oy2", "a-z0-9", 43, 43).validator(Rules::notTrivial).build(),
        token("rubygems-api-key", "RubyGems API key", HIGH, "rubygems_", HEX, 48, 48).build(),
        token("dockerhub-pat", "Docker Hub personal access token", HIGH, "dckr_pat_", ALNUM_DASH, 27, 27).build(),
        token("dockerhub-org-access-token", "Docker Hub organization access token", HIGH, "dckr_oat_", ALNUM_DASH, 32, 32)
            .build(),
        token("crates-io-api-token", "crates.io API token", HIGH, "cio", ALNUM, 32, 32).validator(Rules::notTrivial)
            .build(),
        token("jfrog-api-key", "JFrog Artifactory API key", HIGH, "AKCp", ALNUM, 69, 73).build(),
        token("jfrog-reference-token", "JFrog reference token", HIGH, "cmVmdGtu", ALNUM, 56, 64).build(),
        regex("packagist-token", "Private Packagist token", HIGH,
            "\\b(packagist_[ou][ru]t_[a-f0-9]{68})\\b", "packagist_").build(),
        regex("circleci-pat", "CircleCI personal API token", HIGH, "\\b(CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})\\b",
            "ccipat_").build(),
        regex("circleci-project-token", "CircleCI project API token", HIGH, "\\b(CCIPRJ_[A-Za-z0-9]{22}_[a-f0-9]{40})\\b",
            "cciprj_").build(),
        token("buildkite-api-token", "Buildkite API access token", HIGH, "bkua_", HEX, 40, 40).build(),
        regex("sourcegraph-access-token", "Sourcegraph access token", HIGH,
            "\\b(sgp_(?:[a-f0-9]{16}|local)_[a-f0-9]{40})\\b", "sgp_").build(),
        regex("postman-api-key", "Postman API key", HIGH, "\\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\\b", "pmak-").build(),
        regex("grafana-service-account-token", "Grafana service-account token", HIGH,
            "\\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\\b", "glsa_").build(),
        token("grafana-cloud-token", "Grafana Cloud access policy token", HIGH, "glc_eyJ", "A-Za-z0-9+/=", 40, 400)
            .build(),
        regex("sonarqube-token", "SonarQube / SonarCloud token", HIGH, "\\b(sq[pua]_[a-f0-9]{40})\\b", "sqp_", "squ_",
            "sqa_").build(),
        assigned("codecov-token", "Codecov upload token", MEDIUM, Rules.UUID, "codecov_token", "codecov").build(),
        regex("harness-pat", "Harness personal access token", HIGH,
            "\\b(pat\\.[A-Za-z0-9_-]{22}\\.[a-f0-9]{24}\\.[A-Za-z0-9]{20})\\b", "pat.").build(),
        token("octopus-deploy-api-key", "Octopus Deploy API key", HIGH, "API-", "A-Z0-9", 26, 32)
            .validator(Rules::notTrivial).build(),
        token("infracost-api-key", "Infracost API key", MEDIUM, "ico-", ALNUM, 32, 32).build(),
        token("prefect-api-key", "Prefect API key", HIGH, "pnu_", ALNUM, 36, 36).build(),
        token("readme-api-key", "ReadMe API key", MEDIUM, "rdme_", "a-z0-9", 70, 70).build(),
        regex("sentry-org-auth-token", "Sentry organization auth token", HIGH,
            "\\b(sntrys_eyJ[A-Za-z0-9+/=_]{60,400}_[A-Za-z0-9+/=_]{43})", "sntrys_").build(),
        token("sentry-user-auth-token", "Sentry user auth token", HIGH, "sntryu_", HEX, 64, 64).build());
  }

  private static Detector github(String slug, String title, String prefix) {
    return token(slug, title, Severity.CRITICAL, prefix, ALNUM, 36, 36)
        .validator(Validators.crc32Base62(4)).priority(20)
        .about(title + ": `" + prefix + "` followed by 30 random base62 characters and a 6-character base62 CRC32 "
            + "of them. The checksum is verified, so look-alikes and hand-made placeholders are not reported.")
        .build();
  }
}
