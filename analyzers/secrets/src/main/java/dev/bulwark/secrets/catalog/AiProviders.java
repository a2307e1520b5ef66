package dev.bulwark.secrets.catalog;

import static dev.bulwark.model.Severity.CRITICAL;
import static dev.bulwark.model.Severity.HIGH;
import static dev.bulwark.secrets.catalog.Rules.assigned;
import static dev.bulwark.secrets.catalog.Rules.contains;
import static dev.bulwark.secrets.catalog.Rules.endsWith;
import static dev.bulwark.secrets.catalog.Rules.regex;
import static dev.bulwark.secrets.catalog.Rules.token;
import static dev.bulwark.secrets.detect.PrefixTokenMatcher.ALNUM;
import static dev.bulwark.secrets.detect.PrefixTokenMatcher.ALNUM_DASH;
import static dev.bulwark.secrets.detect.PrefixTokenMatcher.HEX;

import dev.bulwark.secrets.detect.Detector;
import dev.bulwark.secrets.detect.Matcher;
import dev.bulwark.secrets.detect.PrefixTokenMatcher;
import java.util.List;
import java.util.Locale;

/** Model and ML platform providers: the keys AI projects leak most. */
final class AiProviders {

  private static final String OPENAI_MARK = "T3BlbkFJ"; // base64 of "OpenAI", embedded in every OpenAI key

  private AiProviders() {}

  static List<Detector> all() {
    return List.of(
        token("openai-project-key", "OpenAI project API key", CRITICAL, "sk-proj-", ALNUM_DASH, 40, 300)
            .validator(contains(OPENAI_MARK)).priority(20).build(),
        token("openai-service-account-key", "OpenAI service-account API key", CRITICAL, "sk-svcacct-", ALNUM_DASH, 40, 300)
            .validator(contains(OPENAI_MARK)).priority(20).build(),
        token("openai-admin-key", "OpenAI admin API key", CRITICAL, "sk-admin-", ALNUM_DASH, 40, 300)
            .validator(contains(OPENAI_MARK)).priority(20).build(),
        token("openai-user-key", "OpenAI user API key", CRITICAL, "sk-None-", ALNUM_DASH, 40, 300)
            .validator(contains(OPENAI_MARK)).priority(20).build(),
        regex("openai-legacy-key", "OpenAI legacy API key", CRITICAL,
            "(?:^|[^A-Za-z0-9_-])(sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?:[^A-Za-z0-9_-]|$)", "t3blbkfj")
            .priority(20).build(),
        token("anthropic-api-key", "Anthropic API key", CRITICAL, "sk-ant-api03-", ALNUM_DASH, 95, 95)
            .validator(endsWith("AA")).priority(20).build(),
        token("anthropic-admin-key", "Anthropic admin API key", CRITICAL, "sk-ant-admin01-", ALNUM_DASH, 95, 95)
            .validator(endsWith("AA")).priority(20).build(),
        token("huggingface-user-token", "Hugging Face user access token", HIGH, "hf_", "A-Za-z", 34, 34)
            .validator(AiProviders::mixedCase).build(),
        token("huggingface-org-token", "Hugging Face organization API token", HIGH, "api_org_", "A-Za-z", 34, 34)
            .validator(AiProviders::mixedCase).build(),
        assigned("cohere-api-key", "Cohere API key", HIGH, "[A-Za-z0-9]{40}", "cohere", "co_api_key").build(),
        token("replicate-api-token", "Replicate API token", HIGH, "r8_", ALNUM, 37, 37).build(),
        Detector.builder("google-gemini-api-key", "Google AI Studio (Gemini) API key", HIGH)
            .keywords("aiza")
            .matcher(onLineWith(new PrefixTokenMatcher("AIza", ALNUM_DASH, 35, 35),
                "gemini", "genai", "generativelanguage", "google_ai", "googleai", "palm", "aistudio"))
            .priority(15)
            .about("A Google API key (`AIza` + 35 characters) on a line that mentions Gemini, GenAI, the "
                + "generativelanguage API or AI Studio, so it unlocks paid model access.")
            .build(),
        assigned("mistral-api-key", "Mistral AI API key", HIGH, "[A-Za-z0-9]{32}", "mistral").build(),
        token("groq-api-key", "Groq API key", HIGH, "gsk_", ALNUM, 52, 52).build(),
        token("together-api-key", "Together AI API key", HIGH, "tgp_v1_", ALNUM_DASH, 43, 43).build(),
        assigned("together-legacy-api-key", "Together AI legacy API key", HIGH, "[a-f0-9]{64}", "together_api", "together_key",
            "together_ai", "togetherai", "together.").build(),
        token("perplexity-api-key", "Perplexity API key", HIGH, "pplx-", ALNUM, 48, 48).build(),
        regex("pinecone-api-key", "Pinecone API key", HIGH,
            "(?:^|[^A-Za-z0-9_])(pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{40,90})(?:[^A-Za-z0-9_]|$)", "pcsk_").build(),
        assigned("wandb-api-key", "Weights & Biases API key", HIGH, "[a-f0-9]{40}", "wandb login", "wandb",
            "weights_and_biases").build(),
        regex("langsmith-personal-token", "LangSmith personal access token", HIGH,
            "\\b(lsv2_pt_[a-f0-9]{32}_[a-f0-9]{10})\\b", "lsv2_pt_").build(),
        regex("langsmith-service-key", "LangSmith service key", HIGH,
            "\\b(lsv2_sk_[a-f0-9]{32}_[a-f0-9]{10})\\b", "lsv2_sk_").build(),
        regex("langsmith-legacy-key", "LangSmith (LangChain) legacy API key", HIGH,
            "\\b(ls__[a-f0-9]{32})\\b", "ls__").build(),
        regex("databricks-pat", "Databricks personal access token", CRITICAL,
            "(?:^|[^A-Za-z0-9_])(dapi[a-f0-9]{32}(?:-\\d)?)(?:[^A-Za-z0-9_-]|$)", "dapi").build(),
        assigned("deepseek-api-key", "DeepSeek API key", HIGH, "sk-[a-f0-9]{32}", "deepseek").priority(8).build(),
        token("openrouter-api-key", "OpenRouter API key", HIGH, "sk-or-v1-", HEX, 64, 64).priority(20).build(),
        token("xai-api-key", "xAI (Grok) API key", HIGH, "xai-", ALNUM, 80, 80).build(),
        token("fireworks-api-key", "Fireworks AI API key", HIGH, "fw_", ALNUM, 24, 40).build(),
        token("nvidia-api-key", "NVIDIA NGC / build.nvidia.com API key", HIGH, "nvapi-", ALNUM_DASH, 64, 64).build(),
        token("cerebras-api-key", "Cerebras API key", HIGH, "csk-", "a-z0-9", 48, 48).build(),
        assigned("elevenlabs-api-key", "ElevenLabs API key", HIGH, "sk_[a-f0-9]{48}|[a-f0-9]{32}", "elevenlabs",
            "eleven_api_key", "xi-api-key", "xi_api_key").build(),
        assigned("assemblyai-api-key", "AssemblyAI API key", HIGH, "[a-f0-9]{32}", "assemblyai", "assembly_ai").build(),
        assigned("deepgram-api-key", "Deepgram API key", HIGH, "[a-f0-9]{40}", "deepgram").build(),
        assigned("stability-api-key", "Stability AI API key", HIGH, "sk-[A-Za-z0-9]{48}", "stability_api", "stability_key", "stability-key", "stability_ai",
            "stabilityai", "dreamstudio")
            .priority(8).build(),
        regex("langfuse-secret-key", "Langfuse secret key", HIGH, "\\b(sk-lf-" + Rules.UUID + ")\\b", "sk-lf-").build(),
        assigned("voyage-api-key", "Voyage AI API key", HIGH, "pa-[A-Za-z0-9_-]{40,50}", "voyage_api", "voyage_key", "voyageai",
            "voyage.").build(),
        assigned("azure-openai-api-key", "Azure OpenAI API key", HIGH, "[a-f0-9]{32}|[A-Za-z0-9]{84}", "azure_openai",
            "azure-openai", "azureopenai", "aoai").build(),
        assigned("ai21-api-key", "AI21 Labs API key", HIGH, "[A-Za-z0-9]{32}", "ai21").build(),
        assigned("clarifai-pat", "Clarifai personal access token", HIGH, "[a-f0-9]{32}", "clarifai").build(),
        assigned("neptune-api-token", "Neptune.ai API token", HIGH, "eyJ[A-Za-z0-9_=-]{60,400}", "neptune_api", "neptune_token", "neptune.init").build(),
        assigned("modal-token-secret", "Modal token secret", HIGH, "as-[A-Za-z0-9]{22}", "modal_token", "modal.token").build());
  }

  /** Reports the inner matcher's candidates only when their line mentions one of {@code words}. */
  static Matcher onLineWith(Matcher inner, String... words) {
    return (w, sink) -> inner.find(w, (s, e) -> {
      String line = w.text().substring(w.lineStart(s), w.lineEnd(e)).toLowerCase(Locale.ROOT);
      for (String word : words) {
        if (line.contains(word)) {
          sink.candidate(s, e);
          return;
        }
      }
    });
  }

  private static boolean mixedCase(String v) {
    boolean lower = false;
    boolean upper = false;
    for (int i = 3; i < v.length(); i++) {
      lower |= Character.isLowerCase(v.charAt(i));
      upper |= Character.isUpperCase(v.charAt(i));
    }
    return lower && upper;
  }
}
