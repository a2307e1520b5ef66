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

import dev.bulwark.secrets.detect.Detector;
import dev.bulwark.secrets.detect.Entropy;
import dev.bulwark.secrets.detect.Matcher;
import dev.bulwark.secrets.detect.Re2Matcher;
import dev.bulwark.secrets.detect.Validators;
import java.util.List;

/** Cloud and infrastructure providers. */
final class CloudProviders {

  private static final com.google.re2j.Pattern SIGNED_VERSION = com.google.re2j.Pattern.compile("\\bsv=\\d{4}-\\d{2}-\\d{2}");

  private CloudProviders() {}

  static List<Detector> all() {
    return List.of(
        regex("aws-access-key-id", "AWS access key ID", HIGH,
            "(?:^|[^A-Za-z0-9])((?:AKIA|ABIA|ACCA)[A-Z2-7]{16})(?:[^A-Za-z0-9]|$)", "akia", "abia", "acca")
            .priority(20).build(),
        regex("aws-temporary-access-key-id", "AWS temporary (STS) access key ID", MEDIUM,
            "(?:^|[^A-Za-z0-9])(ASIA[A-Z2-7]{16})(?:[^A-Za-z0-9]|$)", "asia").priority(20).build(),
        assigned("aws-secret-access-key", "AWS secret access key", CRITICAL, "[A-Za-z0-9/+]{40}",
            "aws_secret_access_key", "aws_secret_key", "secret_access_key", "secretaccesskey", "aws_secret",
            "awssecret", "secret-access-key", "aws-secret")
            .validator(v -> Rules.notTrivial(v) && Entropy.shannon(v) >= 3.8).priority(15).build(),
        assigned("aws-session-token", "AWS session token", HIGH, "[A-Za-z0-9/+=]{100,}", "aws_session_token",
            "aws_security_token", "sessiontoken", "session_token", "x-amz-security-token")
            .validator(v -> Entropy.shannon(v) >= 4.5).priority(15).build(),
        token("aws-bedrock-api-key", "Amazon Bedrock long-term API key", CRITICAL, "ABSK", "A-Za-z0-9+/=", 100, 300)
            .validator(v -> v.startsWith("ABSKQmVkcm9ja0FQSUtleS")).priority(20).build(),
        regex("aws-mws-key", "Amazon MWS auth token", HIGH, "\\b(amzn\\.mws\\." + Rules.UUID + ")\\b", "amzn.mws.").build(),
        token("gcp-api-key", "Google Cloud API key", HIGH, "AIza", ALNUM_DASH, 35, 35).build(),
        Rules.custom("gcp-service-account-key", "Google Cloud service-account key (JSON)", CRITICAL,
                new Re2Matcher("\"private_key\"\\s*:\\s*\"(-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\\\\\\s]{64,}"
                    + "-----END PRIVATE KEY-----(?:\\\\n)?)\""), "service_account")
            .multiline(6000).priority(30).noPlaceholderCheck()
            .about("A Google Cloud service-account key file: a JSON object with `\"type\": \"service_account\"` "
                + "and an inline PKCS#8 `private_key`. Whoever holds it acts as the service account.")
            .build(),
        token("gcp-oauth-client-secret", "Google OAuth client secret", HIGH, "GOCSPX-", ALNUM_DASH, 28, 28).build(),
        token("google-oauth-access-token", "Google OAuth access token", HIGH, "ya29.", ALNUM_DASH, 30, 2048).build(),
        token("google-oauth-refresh-token", "Google OAuth refresh token", HIGH, "1//0", ALNUM_DASH, 40, 512)
            .validator(Rules::notTrivial).build(),
        assigned("azure-storage-account-key", "Azure storage account key", CRITICAL, "[A-Za-z0-9+/]{86}==",
            "accountkey", "account_key", "storage_key", "storagekey", "azure_storage_key", "storage_account_key")
            .validator(Validators.base64OfLength(64)).priority(10).build(),
        regex("azure-storage-connection-string", "Azure storage connection string", CRITICAL,
            "DefaultEndpointsProtocol=https?;AccountName=[a-z0-9]{3,24};AccountKey=([A-Za-z0-9+/]{86}==)",
            "defaultendpointsprotocol").validator(Validators.base64OfLength(64)).priority(20).build(),
        Rules.custom("azure-sas-token", "Azure shared access signature (SAS) token", HIGH, sasMatcher(), "sig=")
            .priority(15)
            .about("An Azure shared access signature: a query string with a signed version (`sv=YYYY-MM-DD`) and "
                + "a signature (`sig=` 43+ characters of URL-encoded base64); it grants access to storage until it expires.")
            .build(),
        regex("azure-ad-client-secret", "Microsoft Entra ID (Azure AD) client secret", CRITICAL,
            "(?:^|[^A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})(?:[^A-Za-z0-9_~.-]|$)", "q~")
            .validator(v -> Entropy.shannon(v) >= 3.5).build(),
        regex("azure-shared-access-key", "Azure Service Bus / Event Hubs / IoT Hub shared access key", CRITICAL,
            "SharedAccessKey=([A-Za-z0-9+/]{43}=)", "sharedaccesskey=").validator(Validators.base64OfLength(32))
            .priority(20).build(),
        regex("azure-cosmosdb-key", "Azure Cosmos DB account key", CRITICAL,
            "AccountEndpoint=https://[a-z0-9-]{3,44}\\.documents\\.azure\\.com(?::443)?/?;AccountKey=([A-Za-z0-9+/]{86}==)",
            "documents.azure.com").validator(Validators.base64OfLength(64)).priority(20).build(),
        regex("azure-app-configuration-connection-string", "Azure App Configuration connection string", HIGH,
            "Endpoint=https://[a-z0-9-]{3,50}\\.azconfig\\.io;Id=[^;\\s\"']{1,64};Secret=([A-Za-z0-9+/]{43}=)",
            "azconfig.io").priority(20).build(),
        assigned("azure-devops-pat", "Azure DevOps personal access token", HIGH, "[a-z2-7]{52}", "azure_devops",
            "azure-devops", "azuredevops", "azdo", "ado_pat", "devops_pat", "vsts").build(),
        regex("azure-devops-pat-v2", "Azure DevOps personal access token (84-character format)", HIGH,
            "(?:^|[^A-Za-z0-9])([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})(?:[^A-Za-z0-9]|$)", "azdo").priority(12).build(),
        token("alibaba-access-key-id", "Alibaba Cloud AccessKey ID", HIGH, "LTAI", ALNUM, 12, 20).build(),
        assigned("alibaba-access-key-secret", "Alibaba Cloud AccessKey secret", CRITICAL, "[A-Za-z0-9]{30}", "alibaba",
            "aliyun", "access_key_secret", "accesskeysecret").build(),
        token("tencent-secret-id", "Tencent Cloud SecretId", MEDIUM, "AKID", ALNUM, 32, 32).build(),
        assigned("tencent-secret-key", "Tencent Cloud SecretKey", CRITICAL, "[A-Za-z0-9]{32}", "tencentcloud",
            "tencent", "qcloud").build(),
        token("digitalocean-pat", "DigitalOcean personal access token", CRITICAL, "dop_v1_", HEX, 64, 64).build(),
        token("digitalocean-oauth-token", "DigitalOcean OAuth access token", HIGH, "doo_v1_", HEX, 64, 64).build(),
        token("digitalocean-refresh-token", "DigitalOcean OAuth refresh token", HIGH, "dor_v1_", HEX, 64, 64).build(),
        assigned("ibm-cloud-api-key", "IBM Cloud API key", HIGH, "[A-Za-z0-9_-]{44}", "ibm_cloud", "ibmcloud",
            "ibm_api_key", "iam_apikey", "ibm-cloud").build(),
        token("heroku-api-key", "Heroku API key", HIGH, "HRKU-", ALNUM_DASH, 50, 70).build(),
        assigned("heroku-legacy-api-key", "Heroku legacy API key", HIGH, Rules.UUID, "heroku").build(),
        assigned("cloudflare-api-token", "Cloudflare API token", HIGH, "[A-Za-z0-9_-]{40}", "cloudflare",
            "cf_api_token", "cf_token").build(),
        assigned("cloudflare-global-api-key", "Cloudflare global API key", CRITICAL, "[a-f0-9]{37}", "cloudflare",
            "cf_api_key", "x-auth-key").build(),
        regex("cloudflare-origin-ca-key", "Cloudflare Origin CA key", HIGH,
            "\\b(v1\\.0-[a-f0-9]{24}-[a-f0-9]{146})\\b", "v1.0-").build(),
        assigned("linode-token", "Linode (Akamai) API token", HIGH, "[a-f0-9]{64}", "linode").build(),
        assigned("vultr-api-key", "Vultr API key", HIGH, "[A-Z0-9]{36}", "vultr").build(),
        regex("scaleway-access-key", "Scaleway access key", MEDIUM,
            "(?:^|[^A-Za-z0-9])(SCW[A-Z0-9]{17})(?:[^A-Za-z0-9]|$)", "scw").build(),
        assigned("scaleway-secret-key", "Scaleway secret key", CRITICAL, Rules.UUID, "scaleway", "scw_secret").build(),
        assigned("hetzner-api-token", "Hetzner Cloud API token", HIGH, "[A-Za-z0-9]{64}", "hetzner", "hcloud").build(),
        token("flyio-access-token", "Fly.io access token", HIGH, "fo1_", ALNUM_DASH, 43, 43).build(),
        regex("flyio-macaroon-token", "Fly.io macaroon token", HIGH,
            "(FlyV1 fm[12][ar]?_[A-Za-z0-9+/=,_-]{100,})", "flyv1 fm").build(),
        assigned("vercel-token", "Vercel access token", HIGH, "[A-Za-z0-9]{24}", "vercel").build(),
        token("netlify-pat", "Netlify personal access token", HIGH, "nfp_", ALNUM, 36, 36).build(),
        token("supabase-access-token", "Supabase personal access token", HIGH, "sbp_", HEX, 40, 40).build(),
        token("supabase-secret-key", "Supabase secret API key", CRITICAL, "sb_secret_", ALNUM_DASH, 31, 40).build(),
        token("planetscale-service-token", "PlanetScale service token", HIGH, "pscale_tkn_", "A-Za-z0-9_.-", 32, 64).build(),
        token("planetscale-password", "PlanetScale database password", CRITICAL, "pscale_pw_", "A-Za-z0-9_.-", 32, 64).build(),
        token("planetscale-oauth-token", "PlanetScale OAuth token", HIGH, "pscale_oauth_", "A-Za-z0-9_.-", 32, 64).build(),
        regex("doppler-token", "Doppler token", HIGH,
            "\\b(dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44})\\b", "dp.pt.", "dp.st.", "dp.sa.", "dp.ct.",
            "dp.scim.", "dp.audit.").build(),
        token("vault-service-token", "HashiCorp Vault service token", CRITICAL, "hvs.", ALNUM_DASH, 90, 120).build(),
        token("vault-batch-token", "HashiCorp Vault batch token", HIGH, "hvb.", ALNUM_DASH, 138, 300).build(),
        regex("terraform-cloud-token", "Terraform Cloud / Enterprise API token", CRITICAL,
            "\\b([A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70})\\b", "atlasv1").build(),
        token("pulumi-access-token", "Pulumi access token", HIGH, "pul-", HEX, 40, 40).build(),
        token("onepassword-service-account-token", "1Password service-account token", CRITICAL, "ops_eyJ",
            "A-Za-z0-9+/=", 250, 2000).build(),
        regex("onepassword-secret-key", "1Password account secret key", CRITICAL,
            "\\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\\b", "a3-")
            .build(),
        token("openshift-user-token", "OpenShift user token", HIGH, "sha256~", ALNUM_DASH, 43, 43).build(),
        token("yandex-api-key", "Yandex Cloud API key", HIGH, "AQVN", ALNUM_DASH, 35, 38).build(),
        token("age-secret-key", "age encryption secret key", CRITICAL, "AGE-SECRET-KEY-1",
            "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58, 58).validator(Validators::bech32).build());
  }

  /** sig=... with a signed-version parameter in the same URL or connection string. */
  private static Matcher sasMatcher() {
    Re2Matcher sig = new Re2Matcher("(?:^|[?&;\"'\\s])sig=([A-Za-z0-9%+/=]{43,120})");
    return (w, sink) -> sig.find(w, (s, e) -> {
      String line = w.text().substring(w.lineStart(s), w.lineEnd(e));
      if (SIGNED_VERSION.matcher(line).find()) {
        sink.candidate(s, e);
      }
    });
  }
}
