package io.policygateway.plugins.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** Creates the provider through its factory against a fake upstream, and reads fixtures. */
final class Harness {
    static final String API_KEY = "sk-ant-api03-test-key";

    private Harness() {
    }

    static Provider provider(FakeUpstream upstream) {
        return provider(Map.of("ANTHROPIC_API_KEY", API_KEY, "ANTHROPIC_BASE_URL", upstream.baseUri().toString()), "{}");
    }

    static Provider provider(Map<String, String> environment, String configJson) {
        ProviderFactory.ProviderSetup setup = new AnthropicProviderFactory().setup("anthropic",
                new ProviderFactory.ProviderConfig(false, new PluginConfig("gateway.yaml", "providers.anthropic", json(configJson))),
                new TestContext(environment));
        if (!setup.isEnabled()) {
            throw new AssertionError("provider disabled: " + setup.reason());
        }
        return setup.provider();
    }

    static ProviderRequest request(WireFormat format, ObjectNode body, boolean stream, Map<String, String> forwardHeaders) {
        return new ProviderRequest(format, body.path("model").asText("claude-sonnet-4-5"), body, stream,
                PolicyContext.anonymous("trace-1"), forwardHeaders, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) TestContext.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fixture(String name) {
        try (InputStream in = Harness.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stream fixture cut into one part per event, as an upstream flushes them. */
    static List<String> eventParts(String name) {
        List<String> parts = new ArrayList<>();
        for (String event : fixture(name).split("\n\n")) {
            if (!event.isBlank()) {
                parts.add(event + "\n\n");
            }
        }
        return parts;
    }

    static ObjectNode complete(ProviderResponse response) {
        return ((ProviderResponse.Complete) response).body();
    }

    /** Reads a stream to its end, with a bound so a broken stream cannot hang the test. */
    static List<SseEvent> drain(ProviderResponse response) throws GatewayException {
        List<SseEvent> events = new ArrayList<>();
        try (EventStream stream = ((ProviderResponse.Streaming) response).events()) {
            for (int i = 0; i < 10_000; i++) {
                Optional<SseEvent> event = stream.next();
                if (event.isEmpty()) {
                    return events;
                }
                events.add(event.get());
            }
        }
        throw new AssertionError("stream did not end");
    }

    static List<JsonNode> data(List<SseEvent> events) {
        return events.stream().map(event -> (JsonNode) json(event.data())).toList();
    }
}
