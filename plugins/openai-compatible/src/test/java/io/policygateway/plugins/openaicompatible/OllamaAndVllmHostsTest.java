package io.policygateway.plugins.openaicompatible;

import static io.policygateway.plugins.openaicompatible.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.provider.ProviderResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OllamaAndVllmHostsTest {
    private static final String CHAT = "{\"model\":\"ollama/llama3.1\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"temperature\":0.1}";

    @Test
    void sendsOllamaTheBodyUnchangedExceptTheRoutedModelAndNoKey() throws Exception {
        try (FakeUpstream ollama = FakeUpstream.start().answerJson(200, Harness.fixture("ollama-chat-completion.json"), Map.of())) {
            OpenAiCompatibleProvider provider = Harness.provider("ollama",
                    "{\"base_url\":\"" + ollama.baseUri() + "/v1/\",\"models\":[\"llama3.1\"]}", Map.of());
            ProviderResponse response = provider.send(Harness.request(WireFormat.OPENAI_CHAT, "llama3.1", CHAT, false));

            FakeUpstream.Recorded sent = ollama.lastRequest();
            assertEquals("/v1/chat/completions", sent.path());
            assertFalse(sent.headers().containsKey("authorization"));
            assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", sent.headers().get("traceparent"));
            assertEquals(json(CHAT).put("model", "llama3.1"), json(sent.body()));
            assertEquals(json(Harness.fixture("ollama-chat-completion.json")), ((ProviderResponse.Complete) response).body());
        }
    }

    @Test
    void sendsVllmTheKeyNamedByApiKeyEnvAsABearerToken() throws Exception {
        try (FakeUpstream vllm = FakeUpstream.start().answerJson(200, Harness.fixture("ollama-chat-completion.json"), Map.of())) {
            OpenAiCompatibleProvider provider = Harness.provider("vllm",
                    "{\"base_url\":\"" + vllm.baseUri() + "/v1\",\"api_key_env\":\"VLLM_API_KEY\"}", Map.of("VLLM_API_KEY", "token-abc123"));
            provider.send(Harness.request(WireFormat.OPENAI_CHAT, "meta-llama/Llama-3.1-8B-Instruct", CHAT, false));
            assertEquals("Bearer token-abc123", vllm.lastRequest().headers().get("authorization"));
            assertEquals("meta-llama/Llama-3.1-8B-Instruct", json(vllm.lastRequest().body()).path("model").asText());
        }
    }

    @Test
    void streamsChunksUnchangedAndStopsAtDone() throws Exception {
        List<String> parts = Harness.eventParts("ollama-chat-stream.sse");
        try (FakeUpstream ollama = FakeUpstream.start().answerEventStream(parts)) {
            OpenAiCompatibleProvider provider = Harness.provider("ollama", "{\"base_url\":\"" + ollama.baseUri() + "/v1\"}", Map.of());
            List<JsonNode> chunks = Harness.drain(provider.send(Harness.request(WireFormat.OPENAI_CHAT, "llama3.1",
                    "{\"model\":\"llama3.1\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                    true)));
            assertEquals(4, chunks.size(), "[DONE] is left to the kernel");
            assertEquals(json(parts.get(0).substring("data: ".length())), chunks.get(0));
            assertEquals(13, chunks.get(3).path("usage").path("total_tokens").asInt());
            assertEquals("text/event-stream", ollama.lastRequest().headers().get("accept"));
        }
    }

    @Test
    void failsTheStreamWhenTheHostReportsAnErrorMidStream() throws Exception {
        try (FakeUpstream vllm = FakeUpstream.start().answerEventStream(Harness.eventParts("vllm-stream-error.sse"))) {
            OpenAiCompatibleProvider provider = Harness.provider("vllm", "{\"base_url\":\"" + vllm.baseUri() + "/v1\"}", Map.of());
            GatewayException error = assertThrows(GatewayException.class, () -> Harness.drain(provider.send(
                    Harness.request(WireFormat.OPENAI_CHAT, "m", CHAT, true))));
            assertEquals(ErrorCategory.UPSTREAM, error.category());
            assertEquals("vllm failed mid-stream: The decoder prompt is longer than the maximum model length", error.getMessage());
        }
    }

    @Test
    void mapsAnUnknownModelToTheCallersError() throws Exception {
        try (FakeUpstream ollama = FakeUpstream.start().answerJson(404, """
                {"error":{"message":"model \\"llama9\\" not found, try pulling it first","type":"api_error","param":null,"code":null}}""",
                Map.of())) {
            OpenAiCompatibleProvider provider = Harness.provider("ollama", "{\"base_url\":\"" + ollama.baseUri() + "/v1\"}", Map.of());
            GatewayException error = assertThrows(GatewayException.class,
                    () -> provider.send(Harness.request(WireFormat.OPENAI_CHAT, "llama9", CHAT, false)));
            assertEquals(ErrorCategory.INVALID_REQUEST, error.category());
            assertEquals("ollama rejected the request (HTTP 404): model \"llama9\" not found, try pulling it first", error.getMessage());
        }
    }

    @Test
    void passesEmbeddingsThrough() throws Exception {
        try (FakeUpstream ollama = FakeUpstream.start().answerJson(200, Harness.fixture("embeddings.json"), Map.of())) {
            OpenAiCompatibleProvider provider = Harness.provider("ollama", "{\"base_url\":\"" + ollama.baseUri() + "/v1\"}", Map.of());
            ProviderResponse response = provider.send(Harness.request(WireFormat.OPENAI_EMBEDDINGS, "nomic-embed-text",
                    "{\"model\":\"nomic-embed-text\",\"input\":\"hello\"}", false));
            assertEquals("/v1/embeddings", ollama.lastRequest().path());
            assertEquals(3, ((ProviderResponse.Complete) response).body().path("data").get(0).path("embedding").size());
        }
    }

    @Test
    void refusesAnOperationTheHostDoesNotOffer() {
        OpenAiCompatibleProvider provider = Harness.provider("groq", "{\"base_url\":\"https://api.groq.com/openai/v1\"}", Map.of());
        GatewayException error = assertThrows(GatewayException.class, () -> provider.send(Harness.request(
                WireFormat.OPENAI_IMAGES, "x", "{\"prompt\":\"a cat\"}", false)));
        assertEquals(ErrorCategory.INVALID_REQUEST, error.category());
        assertTrue(error.getMessage().startsWith("provider 'groq' (openai-compatible) does not offer image generation"), error.getMessage());
    }
}
