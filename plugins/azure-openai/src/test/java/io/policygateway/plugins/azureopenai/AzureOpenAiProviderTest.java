package io.policygateway.plugins.azureopenai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderFactory;
import io.policygateway.api.provider.ProviderRequest;
import io.policygateway.api.provider.ProviderResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AzureOpenAiProviderTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Do you support customer managed keys?\"}]}";

    private static Provider provider(FakeUpstream upstream, String config) {
        ProviderFactory.ProviderSetup setup = setup(Map.of("AZURE_OPENAI_API_KEY", KEY,
                "AZURE_OPENAI_ENDPOINT", upstream.baseUri() + "/"), config);
        assertTrue(setup.isEnabled(), setup.reason());
        return setup.provider();
    }

    private static ProviderFactory.ProviderSetup setup(Map<String, String> environment, String config) {
        return new AzureOpenAiProviderFactory().setup("azure-openai",
                new ProviderFactory.ProviderConfig(false, new PluginConfig("gateway.yaml", "providers.azure-openai", json(config))),
                new TestContext(environment));
    }

    private static ProviderRequest request(WireFormat format, String model, String body, boolean stream) {
        return new ProviderRequest(format, model, json(body), stream, PolicyContext.anonymous("t"), Map.of(),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void callsTheMappedDeploymentWithApiVersionAndApiKey() throws Exception {
        try (FakeUpstream azure = FakeUpstream.start().answerJson(200, fixture("chat-completion.json"), Map.of("apim-request-id", "abc-1"))) {
            Provider provider = provider(azure, "{\"deployments\":{\"gpt-4o\":\"prod-gpt4o\"},\"api_version\":\"2024-10-21\"}");
            ProviderResponse response = provider.send(request(WireFormat.OPENAI_CHAT, "gpt-4o", CHAT, false));

            FakeUpstream.Recorded sent = azure.lastRequest();
            assertEquals("/openai/deployments/prod-gpt4o/chat/completions", sent.path());
            assertEquals("api-version=2024-10-21", sent.query());
            assertEquals(KEY, sent.headers().get("api-key"));
            assertFalse(sent.headers().containsKey("authorization"));
            assertEquals(json(CHAT), json(sent.body()));
            assertEquals(json(fixture("chat-completion.json")), ((ProviderResponse.Complete) response).body());
            assertEquals("abc-1", response.headers().get("apim-request-id"));
        }
    }

    @Test
    void usesTheModelNameAsDeploymentWhenNoneIsMapped() throws Exception {
        try (FakeUpstream azure = FakeUpstream.start().answerJson(200, "{\"object\":\"list\",\"data\":[]}", Map.of())) {
            Provider provider = provider(azure, "{}");
            assertFalse(provider.servesModel("text-embedding-3-small"), "unlisted names reach Azure only with the azure-openai/ prefix");
            provider.send(request(WireFormat.OPENAI_EMBEDDINGS, "text-embedding-3-small", "{\"input\":\"hi\"}", false));
            assertEquals("/openai/deployments/text-embedding-3-small/embeddings", azure.lastRequest().path());
            assertEquals("api-version=" + AzureSettings.DEFAULT_API_VERSION, azure.lastRequest().query());
        }
    }

    @Test
    void generatesImagesThroughTheImagesDeployment() throws Exception {
        try (FakeUpstream azure = FakeUpstream.start().answerJson(200, "{\"created\":1,\"data\":[{\"url\":\"https://x/y.png\"}]}", Map.of())) {
            Provider provider = provider(azure, "{\"deployments\":{\"dall-e-3\":\"images\"}}");
            ProviderResponse response = provider.send(request(WireFormat.OPENAI_IMAGES, "dall-e-3", "{\"prompt\":\"a lighthouse\"}", false));
            assertEquals("/openai/deployments/images/images/generations", azure.lastRequest().path());
            assertEquals("https://x/y.png", ((ProviderResponse.Complete) response).body().path("data").get(0).path("url").asText());
        }
    }

    @Test
    void streamsAzureChunksIncludingThePromptFilterChunk() throws Exception {
        List<String> parts = new ArrayList<>();
        for (String event : fixture("chat-stream.sse").split("\n\n")) {
            parts.add(event + "\n\n");
        }
        try (FakeUpstream azure = FakeUpstream.start().answerEventStream(parts)) {
            ProviderResponse response = provider(azure, "{}").send(request(WireFormat.OPENAI_CHAT, "gpt-4o", CHAT, true));
            List<JsonNode> chunks = new ArrayList<>();
            try (EventStream events = ((ProviderResponse.Streaming) response).events()) {
                for (Optional<SseEvent> event = events.next(); event.isPresent(); event = events.next()) {
                    chunks.add(json(event.get().data()));
                }
            }
            assertEquals(4, chunks.size());
            assertEquals(0, chunks.get(0).path("choices").size());
            assertEquals("Yes.", chunks.get(2).path("choices").get(0).path("delta").path("content").asText());
        }
    }

    @Test
    void reportsAContentFilterRefusalAsTheCallersError() throws Exception {
        try (FakeUpstream azure = FakeUpstream.start().answerJson(400, fixture("content-filter-error.json"), Map.of())) {
            Provider provider = provider(azure, "{}");
            GatewayException error = assertThrows(GatewayException.class, () -> provider.send(request(WireFormat.OPENAI_CHAT, "gpt-4o", CHAT, false)));
            assertEquals(ErrorCategory.INVALID_REQUEST, error.category());
            assertEquals(Optional.of("content_filter"), error.code());
            assertTrue(error.getMessage().startsWith("azure-openai rejected the request (HTTP 400): The response was filtered"), error.getMessage());
        }
    }

    @Test
    void refusesAModelThatCannotNameADeployment() throws Exception {
        try (FakeUpstream azure = FakeUpstream.start()) {
            GatewayException error = assertThrows(GatewayException.class,
                    () -> provider(azure, "{}").send(request(WireFormat.OPENAI_CHAT, "my model/v2", CHAT, false)));
            assertEquals(Optional.of("model"), error.param());
        }
    }

    @Test
    void isDisabledWithoutKeyOrEndpointAndRefusesBadDeploymentNames() {
        assertEquals("AZURE_OPENAI_API_KEY is not set", setup(Map.of(), "{}").reason());
        assertEquals("AZURE_OPENAI_ENDPOINT is not set", setup(Map.of("AZURE_OPENAI_API_KEY", KEY), "{}").reason());
        io.policygateway.api.ConfigException error = assertThrows(io.policygateway.api.ConfigException.class,
                () -> setup(Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com"),
                        "{\"deployments\":{\"gpt-4o\":\"bad name\"}}"));
        assertEquals("providers.azure-openai.deployments.gpt-4o", error.path());
    }

    @Test
    void takesTheApiVersionFromTheEnvironmentAndListsMappedModels() {
        ProviderFactory.ProviderSetup setup = setup(Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT",
                "https://r.openai.azure.com/openai/", "AZURE_OPENAI_API_VERSION", "2025-01-01-preview"),
                "{\"deployments\":{\"gpt-4o\":\"prod\"},\"models\":[\"gpt-4o-mini\"]}");
        assertEquals("calling https://r.openai.azure.com with api-version 2025-01-01-preview", setup.reason());
        assertEquals(List.of("gpt-4o-mini", "gpt-4o"), setup.provider().models());
        assertFalse(setup.provider().servesModel("claude-sonnet-4-5"));
    }

    @Test
    void isListedAsAPf4jExtension() throws Exception {
        StringBuilder listed = new StringBuilder();
        for (java.net.URL index : java.util.Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                listed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(listed.toString().contains(AzureOpenAiProviderFactory.class.getName()));
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) TestContext.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = AzureOpenAiProviderTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
