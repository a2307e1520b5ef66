package dev.bulwark.secrets.catalog;

import static dev.bulwark.model.Severity.CRITICAL;
import static dev.bulwark.model.Severity.HIGH;
import static dev.bulwark.model.Severity.LOW;
import static dev.bulwark.model.Severity.MEDIUM;
import static dev.bulwark.secrets.catalog.Rules.assigned;
import static dev.bulwark.secrets.catalog.Rules.regex;
import static dev.bulwark.secrets.catalog.Rules.token;
import static dev.bulwark.secrets.detect.PrefixTokenMatcher.ALNUM;
import static dev.bulwark.secrets.detect.PrefixTokenMatcher.ALNUM_DASH;
import static dev.bulwark.secrets.detect.PrefixTokenMatcher.HEX;

import dev.bulwark.secrets.detect.Detector;
import dev.bulwark.secrets.detect.Entropy;
import dev.bulwark.secrets.detect.Re2Matcher;
import dev.bulwark.secrets.detect.Validators;
import java.util.List;

/** Messaging, payments, observability and productivity SaaS. */
final class SaasProviders {

  private SaasProviders() {}

  static List<Detector> all() {
    return List.of(
        regex("slack-bot-token", "Slack bot token", CRITICAL, "\\b(xoxb-\\d{10,13}-\\d{10,13}-[A-Za-z0-9]{24})\\b", "xoxb-")
            .build(),
        regex("slack-user-token", "Slack user token", CRITICAL,
            "\\b(xoxp-\\d{10,13}-\\d{10,13}-\\d{10,13}-[a-f0-9]{32})\\b", "xoxp-").build(),
        regex("slack-app-token", "Slack app-level token", HIGH, "\\b(xapp-\\d-[A-Z0-9]{9,12}-\\d{10,13}-[a-f0-9]{64})\\b",
            "xapp-").build(),
        regex("slack-config-access-token", "Slack configuration access token", HIGH,
            "\\b(xoxe\\.xox[bp]-\\d-[A-Z0-9]{160,170})\\b", "xoxe.xox").build(),
        regex("slack-config-refresh-token", "Slack configuration refresh token", HIGH,
            "\\b(xoxe-\\d-[A-Z0-9]{140,150})\\b", "xoxe-").build(),
        regex("slack-legacy-token", "Slack legacy workspace, org or refresh token", HIGH,
            "\\b(xox[aors]-\\d{1,13}-[0-9A-Za-z-]{20,120})\\b", "xoxa-", "xoxo-", "xoxr-", "xoxs-").build(),
        regex("slack-webhook-url", "Slack incoming webhook URL", HIGH,
            "(https://hooks\\.slack\\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})", "hooks.slack.com")
            .build(),
        regex("slack-workflow-webhook-url", "Slack workflow webhook URL", MEDIUM,
            "(https://hooks\\.slack\\.com/(?:workflows|triggers)/T[A-Z0-9]{8,12}/(?:[A-Z0-9]{8,12}/)?\\d{10,20}/[A-Za-z0-9]{24,32})",
            "hooks.slack.com").build(),
        token("stripe-live-secret-key", "Stripe live secret key", CRITICAL, "sk_live_", ALNUM, 24, 247).build(),
        token("stripe-test-secret-key", "Stripe test-mode secret key", LOW, "sk_test_", ALNUM, 24, 247).build(),
        token("stripe-live-restricted-key", "Stripe live restricted key", HIGH, "rk_live_", ALNUM, 24, 247).build(),
        token("stripe-test-restricted-key", "Stripe test-mode restricted key", LOW, "rk_test_", ALNUM, 24, 247).build(),
        token("stripe-webhook-secret", "Stripe webhook signing secret", HIGH, "whsec_", "A-Za-z0-9+/=", 32, 64).build(),
        assigned("twilio-api-key", "Twilio API key SID and secret", HIGH, "SK[0-9a-f]{32}", "twilio").build(),
        assigned("twilio-auth-token", "Twilio auth token", CRITICAL, "[a-f0-9]{32}", "twilio").build(),
        regex("sendgrid-api-key", "SendGrid API key", HIGH, "\\b(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})(?:[^A-Za-z0-9_-]|$)",
            "sg.").build(),
        token("mailgun-api-key", "Mailgun API key", HIGH, "key-", HEX, 32, 32).validator(Rules::notTrivial).build(),
        assigned("mailgun-private-key", "Mailgun private API key", HIGH, "[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}", "mailgun")
            .build(),
        regex("mailchimp-api-key", "Mailchimp API key", HIGH, "\\b([0-9a-f]{32}-us\\d{1,2})\\b", "-us").multiline(40).build(),
        assigned("postmark-server-token", "Postmark server token", HIGH, Rules.UUID, "postmark").build(),
        regex("brevo-api-key", "Brevo (Sendinblue) API key", HIGH, "\\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\\b",
            "xkeysib-").build(),
        regex("shopify-access-token", "Shopify Admin API access token", CRITICAL, "\\b(shpat_[a-fA-F0-9]{32})\\b", "shpat_")
            .build(),
        regex("shopify-custom-app-token", "Shopify custom app access token", HIGH, "\\b(shpca_[a-fA-F0-9]{32})\\b",
            "shpca_").build(),
        regex("shopify-private-app-token", "Shopify private app password", HIGH, "\\b(shppa_[a-fA-F0-9]{32})\\b", "shppa_")
            .build(),
        regex("shopify-shared-secret", "Shopify app shared secret", HIGH, "\\b(shpss_[a-fA-F0-9]{32})\\b", "shpss_").build(),
        assigned("datadog-api-key", "Datadog API key", HIGH, "[a-f0-9]{32}", "datadog", "dd_api_key", "dd-api-key",
            "ddapikey").build(),
        assigned("datadog-app-key", "Datadog application key", HIGH, "[a-f0-9]{40}", "dd_app_key", "dd_application_key",
            "datadog_app_key", "datadog_application_key", "dd-application-key", "datadog").build(),
        token("newrelic-user-api-key", "New Relic user API key", HIGH, "NRAK-", "A-Z0-9", 27, 27).build(),
        token("newrelic-browser-api-key", "New Relic browser API token", MEDIUM, "NRJS-", HEX, 19, 19).build(),
        token("newrelic-insights-insert-key", "New Relic Insights insert key", HIGH, "NRII-", ALNUM_DASH, 32, 32).build(),
        token("newrelic-insights-query-key", "New Relic Insights query key", HIGH, "NRIQ-", ALNUM_DASH, 32, 32).build(),
        regex("newrelic-license-key", "New Relic ingest license key", HIGH, "\\b([a-f0-9]{36}NRAL)\\b", "nral").build(),
        regex("sentry-dsn", "Sentry DSN with key", LOW,
            "(https://[a-f0-9]{32}(?::[a-f0-9]{32})?@(?:o\\d+\\.)?(?:ingest\\.(?:[a-z]{2}\\.)?)?sentry\\.io/\\d+)",
            "sentry.io").build(),
        token("atlassian-api-token", "Atlassian API token (Jira, Confluence)", HIGH, "ATATT3", "A-Za-z0-9_=-", 150, 260)
            .build(),
        assigned("atlassian-legacy-api-token", "Atlassian legacy API token", HIGH, "[A-Za-z0-9]{24}", "jira",
            "confluence", "atlassian").build(),
        token("linear-api-key", "Linear API key", HIGH, "lin_api_", ALNUM, 40, 40).build(),
        token("linear-oauth-token", "Linear OAuth access token", HIGH, "lin_oauth_", HEX, 64, 64).build(),
        token("notion-integration-token", "Notion internal integration token (legacy format)", HIGH, "secret_", ALNUM,
            43, 43).validator(Rules::notTrivial).build(),
        regex("notion-api-token", "Notion API token", HIGH, "\\b(ntn_\\d{11}[A-Za-z0-9]{35})\\b", "ntn_").build(),
        Rules.custom("discord-bot-token", "Discord bot token", HIGH,
                new Re2Matcher("(?:^|[^A-Za-z0-9_.-])([MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,40})"
                    + "(?:[^A-Za-z0-9_.-]|$)"), "discord", "bot_token", "bot.run", "client.run")
            .multiline(2048).validator(Validators::discordBotToken)
            .about("Discord bot token: base64 of the bot's numeric user id, a timestamp and an HMAC, separated by "
                + "dots; the id part is decoded and must be a 17–20 digit snowflake.")
            .build(),
        regex("discord-webhook-url", "Discord webhook URL", HIGH,
            "(https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d{17,20}/[A-Za-z0-9_-]{60,70})", "discord")
            .build(),
        regex("telegram-bot-token", "Telegram bot token", HIGH, "(?:^|[^0-9A-Za-z_-])(\\d{8,10}:AA[0-9A-Za-z_-]{33})(?:[^0-9A-Za-z_-]|$)",
            ":aa").build(),
        regex("teams-webhook-url", "Microsoft Teams incoming webhook URL", MEDIUM,
            "(https://[a-z0-9-]{1,64}\\.webhook\\.office\\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}(?:/[A-Za-z0-9_-]{10,80})?)",
            "webhook.office.com").build(),
        token("square-access-token", "Square access token", CRITICAL, "EAAA", ALNUM_DASH, 60, 60).priority(12).build(),
        token("square-oauth-secret", "Square OAuth application secret", HIGH, "sq0csp-", ALNUM_DASH, 43, 43).build(),
        token("square-legacy-access-token", "Square legacy access token", HIGH, "sq0atp-", ALNUM_DASH, 22, 22).build(),
        regex("braintree-access-token", "PayPal Braintree access token", CRITICAL,
            "(access_token\\$production\\$[0-9a-z]{16}\\$[0-9a-f]{32})", "access_token$production$").build(),
        regex("facebook-access-token", "Facebook (Meta) access token", HIGH, "(?:^|[^A-Za-z0-9+/=])(EAA[A-Za-z0-9]{100,300})(?:[^A-Za-z0-9+/=]|$)",
            "eaa").build(),
        assigned("facebook-app-secret", "Facebook (Meta) app secret", HIGH, "[a-f0-9]{32}", "facebook", "fb_app_secret",
            "fb_secret").build(),
        regex("twitter-bearer-token", "X (Twitter) bearer token", HIGH, "(AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{80,120})",
            "aaaaaaaaaaaaaaaaaaaaa").noPlaceholderCheck()
            .validator(v -> Entropy.shannon(v.substring(21)) >= 4.0).build(),
        assigned("twitter-api-secret", "X (Twitter) API secret", HIGH, "[A-Za-z0-9]{50}", "twitter_api_secret",
            "twitter_consumer_secret", "twitter_secret", "consumer_secret").build(),
        token("dropbox-access-token", "Dropbox short-lived access token", HIGH, "sl.", ALNUM_DASH, 130, 1400)
            .validator(Rules::notTrivial).build(),
        regex("mapbox-secret-token", "Mapbox secret token", HIGH, "\\b(sk\\.eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{22})\\b",
            "sk.eyj").build(),
        regex("hubspot-private-app-token", "HubSpot private app token", HIGH, "\\b(pat-(?:na|eu)\\d-" + Rules.UUID + ")\\b",
            "pat-na", "pat-eu").build(),
        token("contentful-pat", "Contentful personal access token", HIGH, "CFPAT-", ALNUM_DASH, 43, 43).build(),
        assigned("airtable-pat", "Airtable personal access token", HIGH, "pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}", "airtable")
            .build(),
        assigned("asana-pat", "Asana personal access token", HIGH, "\\d/\\d{10,20}(?:/\\d{10,20})?:[A-Za-z0-9]{32}",
            "asana").build(),
        token("figma-pat", "Figma personal access token", HIGH, "figd_", ALNUM_DASH, 40, 40).build(),
        token("typeform-pat", "Typeform personal access token", HIGH, "tfp_", ALNUM_DASH, 40, 70).build(),
        regex("dynatrace-api-token", "Dynatrace API token", HIGH, "\\b(dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64})\\b", "dt0c01.")
            .build(),
        assigned("okta-api-token", "Okta API token", HIGH, "00[A-Za-z0-9_-]{40}", "okta").build(),
        assigned("zendesk-api-token", "Zendesk API token", HIGH, "[A-Za-z0-9]{40}", "zendesk").build(),
        assigned("intercom-access-token", "Intercom access token", HIGH, "dG9rOj[A-Za-z0-9+/=_-]{40,80}", "intercom")
            .build(),
        assigned("algolia-admin-key", "Algolia admin API key", HIGH, "[a-f0-9]{32}", "algolia").build(),
        assigned("pagerduty-api-key", "PagerDuty API key", HIGH, "[A-Za-z0-9_+-]{20}", "pagerduty").build(),
        assigned("launchdarkly-access-token", "LaunchDarkly access token or SDK key", HIGH, "(?:api|sdk)-" + Rules.UUID,
            "launchdarkly", "launch_darkly", "ld_sdk_key", "ld_api_key").build(),
        regex("plaid-access-token", "Plaid access token", HIGH,
            "\\b(access-(?:sandbox|development|production)-" + Rules.UUID + ")\\b", "access-sandbox-",
            "access-development-", "access-production-").build(),
        assigned("plaid-secret", "Plaid API secret", HIGH, "[a-f0-9]{30}", "plaid").build(),
        assigned("razorpay-key-secret", "Razorpay key secret", HIGH, "[A-Za-z0-9]{24}", "razorpay").build(),
        regex("flutterwave-secret-key", "Flutterwave secret key", HIGH, "\\b(FLWSECK(?:_TEST)?-[a-h0-9]{32}-X)\\b",
            "flwseck").build(),
        token("easypost-api-key", "EasyPost production API key", HIGH, "EZAK", "a-z0-9", 54, 54).build(),
        token("easypost-test-api-key", "EasyPost test API key", LOW, "EZTK", "a-z0-9", 54, 54).build(),
        regex("duffel-access-token", "Duffel access token", HIGH, "\\b(duffel_(?:test|live)_[A-Za-z0-9_=-]{43})(?:[^A-Za-z0-9_=-]|$)",
            "duffel_").build(),
        regex("shippo-api-token", "Shippo API token", HIGH, "\\b(shippo_(?:live|test)_[a-f0-9]{40})\\b", "shippo_").build(),
        assigned("lob-api-key", "Lob API key", HIGH, "(?:live|test)_[a-f0-9]{35}", "lob_api", "lob_key", "lob_secret", "lob.api").build(),
        assigned("gocardless-access-token", "GoCardless access token", HIGH, "live_[A-Za-z0-9_=-]{40}", "gocardless")
            .build(),
        token("frameio-api-token", "Frame.io API token", HIGH, "fio-u-", "A-Za-z0-9_=-", 64, 64).build(),
        token("adafruit-io-key", "Adafruit IO key", MEDIUM, "aio_", ALNUM, 28, 28).build(),
        assigned("sumologic-access-key", "Sumo Logic access key", HIGH, "[A-Za-z0-9]{64}", "sumologic", "sumo_").build(),
        assigned("fastly-api-token", "Fastly API token", HIGH, "[A-Za-z0-9_-]{32}", "fastly").build(),
        assigned("klaviyo-private-key", "Klaviyo private API key", HIGH, "pk_[A-Za-z0-9]{34}", "klaviyo").build(),
        assigned("rapidapi-key", "RapidAPI key", MEDIUM, "[A-Za-z0-9]{50}", "rapidapi").build(),
        assigned("auth0-client-secret", "Auth0 client secret", HIGH, "[A-Za-z0-9_-]{64}", "auth0").build(),
        regex("firebase-cloud-messaging-key", "Firebase Cloud Messaging legacy server key", HIGH,
            "\\b(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})", ":apa91b").noPlaceholderCheck().build(),
        assigned("confluent-api-secret", "Confluent Cloud API secret", HIGH, "[A-Za-z0-9+/]{64}", "confluent").build(),
        assigned("vonage-api-secret", "Vonage (Nexmo) API secret", HIGH, "[A-Za-z0-9]{16}", "nexmo", "vonage").build(),
        token("mailersend-api-token", "MailerSend API token", HIGH, "mlsn.", HEX, 64, 64).build());
  }
}
