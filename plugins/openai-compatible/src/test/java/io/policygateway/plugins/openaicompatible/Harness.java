package io.policygateway.plugins.openaicompatible;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.EventStream;
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

/** Sets hosts up through the factory, builds requests and reads fixtures. */
final class Harness {

    private Harness() {
    }

    static ProviderFactory.ProviderSetup setup(String name, String configJson, Map<String, String> environment) {
        return new OpenAiCompatibleProviderFactory().setup(name,
                new ProviderFactory.ProviderConfig(true, new PluginConfig("gateway.yaml", "providers." + name, json(configJson))),
                new TestContext(environment));
    }

    static OpenAiCompatibleProvider provider(String name, String configJson, Map<String, String> environment) {
        ProviderFactory.ProviderSetup setup = setup(name, configJson, environment);
        if (!setup.isEnabled()) {
            throw new AssertionError("disabled: " + setup.reason());
        }
        return (OpenAiCompatibleProvider) setup.provider();
    }

    static ProviderRequest request(WireFormat format, String model, String body, boolean stream) {
        return new ProviderRequest(format, model, json(body), stream, PolicyContext.anonymous("trace-1"),
                Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
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
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> eventParts(String name) {
        List<String> parts = new ArrayList<>();
        for (String event : fixture(name).split("\n\n")) {
            if (!event.isBlank()) {
                parts.add(event + "\n\n");
            }
        }
        return parts;
    }

    static List<JsonNode> drain(ProviderResponse response) throws GatewayException {
        List<JsonNode> chunks = new ArrayList<>();
        try (EventStream stream = ((ProviderResponse.Streaming) response).events()) {
            for (int i = 0; i < 10_000; i++) {
                Optional<SseEvent> event = stream.next();
                if (event.isEmpty()) {
                    return chunks;
                }
                chunks.add(json(event.get().data()));
            }
        }
        throw new AssertionError("stream did not end");
    }
}
