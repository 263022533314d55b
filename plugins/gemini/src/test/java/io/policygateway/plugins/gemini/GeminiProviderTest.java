package io.policygateway.plugins.gemini;

import static io.policygateway.plugins.gemini.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.ProviderFactory;
import io.policygateway.api.provider.ProviderResponse;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GeminiProviderTest {

    @Test
    void embedsABatchOfTextsWithBatchEmbedContents() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("batch-embed-contents.json"), Map.of())) {
            ProviderResponse response = Harness.provider(upstream).send(Harness.request(WireFormat.OPENAI_EMBEDDINGS, "gemini-embedding-001",
                    "{\"model\":\"gemini-embedding-001\",\"input\":[\"first\",\"second\"],\"dimensions\":3}", false));
            FakeUpstream.Recorded sent = upstream.lastRequest();
            assertEquals("/v1beta/models/gemini-embedding-001:batchEmbedContents", sent.path());
            assertEquals(json("""
                    {"requests":[{"model":"models/gemini-embedding-001","content":{"parts":[{"text":"first"}]},"outputDimensionality":3},
                     {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"second"}]},"outputDimensionality":3}]}"""),
                    json(sent.body()));
            JsonNode body = ((ProviderResponse.Complete) response).body();
            assertEquals("list", body.path("object").asText());
            assertEquals(2, body.path("data").size());
            assertEquals(1, body.path("data").get(1).path("index").asInt());
            assertEquals(0.5, body.path("data").get(1).path("embedding").get(0).asDouble());
        }
    }

    @Test
    void encodesEmbeddingsAsBase64FloatsWhenAsked() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("batch-embed-contents.json"), Map.of())) {
            ProviderResponse response = Harness.provider(upstream).send(Harness.request(WireFormat.OPENAI_EMBEDDINGS, "text-embedding-004",
                    "{\"input\":[\"a\",\"b\"],\"encoding_format\":\"base64\"}", false));
            String encoded = ((ProviderResponse.Complete) response).body().path("data").get(1).path("embedding").asText();
            ByteBuffer floats = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(0.5f, floats.getFloat());
            assertEquals(-0.25f, floats.getFloat());
            assertEquals(0.125f, floats.getFloat());
        }
    }

    @Test
    void reportsAnInvalidGatewayKeyAsAnUpstreamProblemNotTheCallers() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(400, Harness.fixture("error-bad-key.json"), Map.of())) {
            GatewayException error = assertThrows(GatewayException.class, () -> Harness.provider(upstream).send(
                    Harness.request(WireFormat.OPENAI_CHAT, "gemini-2.0-flash", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", false)));
            assertEquals(ErrorCategory.UPSTREAM, error.category());
            assertEquals("gemini refused the gateway's provider credentials (HTTP 400, API key not valid); check GEMINI_API_KEY",
                    error.getMessage());
            assertFalse(error.getMessage().contains(Harness.API_KEY));
        }
    }

    @Test
    void mapsQuotaExhaustionToRateLimitedWithRetryAfter() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(429, Harness.fixture("error-quota.json"), Map.of("retry-after", "12"))) {
            GatewayException error = assertThrows(GatewayException.class, () -> Harness.provider(upstream).send(
                    Harness.request(WireFormat.OPENAI_CHAT, "gemini-2.0-flash", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", false)));
            assertEquals(ErrorCategory.RATE_LIMITED, error.category());
            assertEquals(Optional.of(Duration.ofSeconds(12)), error.retryAfter());
            assertEquals(Optional.of("RESOURCE_EXHAUSTED"), error.code());
        }
    }

    @Test
    void refusesImagesByUrlAndImageGenerationNamingTheCapability() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            GeminiProvider provider = Harness.provider(upstream);
            GatewayException byUrl = assertThrows(GatewayException.class, () -> provider.send(Harness.request(WireFormat.OPENAI_CHAT,
                    "gemini-2.0-flash", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/cat.png\"}}]}]}",
                    false)));
            assertEquals(ErrorCategory.INVALID_REQUEST, byUrl.category());
            assertEquals(Optional.of("messages[0].content[0].image_url.url"), byUrl.param());
            assertTrue(byUrl.getMessage().contains("does not support images by URL"), byUrl.getMessage());
            GatewayException images = assertThrows(GatewayException.class, () -> provider.send(Harness.request(WireFormat.OPENAI_IMAGES,
                    "gemini-2.0-flash", "{\"prompt\":\"a cat\"}", false)));
            assertEquals("provider 'gemini' (gemini) does not support image generation (/v1/images/generations)", images.getMessage());
        }
    }

    @Test
    void refusesAToolResultThatAnswersNoCall() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            GatewayException error = assertThrows(GatewayException.class, () -> Harness.provider(upstream).send(Harness.request(
                    WireFormat.OPENAI_CHAT, "gemini-2.0-flash",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"tool\",\"tool_call_id\":\"call_x\",\"content\":\"1\"}]}", false)));
            assertEquals(Optional.of("messages[1].tool_call_id"), error.param());
        }
    }

    @Test
    void isEnabledByTheKeyAndServesGeminiModels() throws Exception {
        ProviderFactory.ProviderSetup disabled = new GeminiProviderFactory().setup("gemini",
                new ProviderFactory.ProviderConfig(false, PluginConfig.empty("providers.gemini")), new TestContext(Map.of()));
        assertEquals("GEMINI_API_KEY is not set", disabled.reason());
        try (FakeUpstream upstream = FakeUpstream.start()) {
            GeminiProvider provider = Harness.provider(upstream);
            assertTrue(provider.servesModel("gemini-1.5-flash"));
            assertTrue(provider.servesModel("text-embedding-004"));
            assertFalse(provider.servesModel("claude-sonnet-4-5"));
            assertTrue(provider.models().contains("gemini-2.5-pro"));
        }
        StringBuilder listed = new StringBuilder();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(listed.toString().contains(GeminiProviderFactory.class.getName()));
    }
}
