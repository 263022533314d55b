package io.policygateway.plugins.anthropic;

import static io.policygateway.plugins.anthropic.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import io.policygateway.api.provider.Provider;
import io.policygateway.api.provider.ProviderResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicPassThroughTest {
    private static final String BODY = """
            {"model":"claude-sonnet-4-5","max_tokens":1024,
             "system":[{"type":"text","text":"You are terse.","cache_control":{"type":"ephemeral"}}],
             "thinking":{"type":"enabled","budget_tokens":2048},
             "messages":[{"role":"user","content":"Hello"}],
             "some_future_parameter":{"x":1}}""";

    @Test
    void sendsTheCallersBodyUnchangedWithTheProviderKeyAndVersion() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("message-text.json"),
                Map.of("request-id", "req_018EeWyXxfu5pfWkrYcMdjWG"))) {
            Provider provider = Harness.provider(upstream);
            ObjectNode body = json(BODY);
            ProviderResponse response = provider.send(Harness.request(WireFormat.ANTHROPIC_MESSAGES, body, false, Map.of()));

            FakeUpstream.Recorded sent = upstream.lastRequest();
            assertEquals("POST", sent.method());
            assertEquals("/v1/messages", sent.path());
            assertEquals(Harness.API_KEY, sent.headers().get("x-api-key"));
            assertEquals("2023-06-01", sent.headers().get("anthropic-version"));
            assertFalse(sent.headers().containsKey("authorization"), "no bearer credential goes to Anthropic");
            assertEquals(json(BODY), json(sent.body()), "cache_control, thinking and unknown parameters survive");

            assertEquals(WireFormat.ANTHROPIC_MESSAGES, response.format());
            assertEquals(json(Harness.fixture("message-text.json")), Harness.complete(response));
            assertEquals("req_018EeWyXxfu5pfWkrYcMdjWG", response.headers().get("request-id"));
        }
    }

    @Test
    void forwardsTheCallersVersionAndBetaHeaders() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("message-text.json"), Map.of())) {
            Harness.provider(upstream).send(Harness.request(WireFormat.ANTHROPIC_MESSAGES, json(BODY), false,
                    Map.of("anthropic-version", "2023-01-01", "anthropic-beta", "prompt-caching-2024-07-31")));
            assertEquals("2023-01-01", upstream.lastRequest().headers().get("anthropic-version"));
            assertEquals("prompt-caching-2024-07-31", upstream.lastRequest().headers().get("anthropic-beta"));
        }
    }

    @Test
    void asksForTheRoutedModelWhenItDiffersFromTheBody() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(200, Harness.fixture("message-text.json"), Map.of())) {
            ObjectNode body = json(BODY);
            Harness.provider(upstream).send(new io.policygateway.api.provider.ProviderRequest(WireFormat.ANTHROPIC_MESSAGES,
                    "claude-haiku-4-5", body, false, io.policygateway.api.PolicyContext.anonymous("t"), Map.of(),
                    java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5)));
            assertEquals("claude-haiku-4-5", json(upstream.lastRequest().body()).path("model").asText());
            assertEquals("claude-sonnet-4-5", body.path("model").asText(), "the caller's body is not modified");
        }
    }

    @Test
    void passesStreamEventsThroughWithTheirNames() throws Exception {
        List<String> parts = Harness.eventParts("messages-stream-tool-use.sse");
        try (FakeUpstream upstream = FakeUpstream.start().answerEventStream(parts)) {
            ObjectNode body = json(BODY).put("stream", true);
            List<SseEvent> events = Harness.drain(Harness.provider(upstream)
                    .send(Harness.request(WireFormat.ANTHROPIC_MESSAGES, body, true, Map.of())));
            assertEquals(parts.size(), events.size());
            assertEquals("message_start", events.get(0).event().orElseThrow());
            assertEquals("ping", events.get(2).event().orElseThrow());
            assertEquals("message_stop", events.get(events.size() - 1).event().orElseThrow());
            assertEquals(json(parts.get(6).substring(parts.get(6).indexOf("data: ") + 6)), json(events.get(6).data()));
            assertEquals("text/event-stream", upstream.lastRequest().headers().get("accept"));
        }
    }
}
