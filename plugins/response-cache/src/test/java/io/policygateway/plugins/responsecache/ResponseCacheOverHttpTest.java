package io.policygateway.plugins.responsecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The response cache in a real gateway, over real HTTP, against a fake OpenAI-format upstream. */
class ResponseCacheOverHttpTest {
    private static final String HELLO = OpenAiWire.chatRequest("test-model", "Hello", false);
    private static final String HELLO_STREAMED = OpenAiWire.chatRequest("test-model", "Hello", true);

    private static TestGateway gateway(FakeUpstream upstream) throws Exception {
        return TestGateway.builder()
                .config("providers:\n  up:\n    type: test-openai-format\n    base_url: " + upstream.baseUrl() + "\n"
                        + "projects:\n  - { id: support }\n  - { id: billing }\n"
                        + "plugins:\n  - name: response-cache\n    config: { ttl: 1m }\n")
                .start();
    }

    private static FakeUpstream upstream() throws Exception {
        return FakeUpstream.start().otherwise(request -> Reply.status(200, OpenAiWire.completion("test-model", "Hi there", 5, 2)));
    }

    private static JsonNode json(String body) throws IOException {
        return TestPluginContext.JSON.readTree(body);
    }

    private static Optional<String> cacheHeader(HttpResponse<String> response) {
        return response.headers().firstValue("x-gateway-cache");
    }

    /** The content deltas and finish reasons of an OpenAI chat stream, and whether it ended with [DONE]. */
    private record Streamed(String text, List<String> finishReasons, boolean done) {
        static Streamed of(String body) throws IOException {
            StringBuilder text = new StringBuilder();
            List<String> finishReasons = new ArrayList<>();
            for (String line : body.lines().filter(line -> line.startsWith("data: {")).toList()) {
                JsonNode choice = json(line.substring(6)).at("/choices/0");
                text.append(choice.at("/delta/content").asText(""));
                if (choice.path("finish_reason").isTextual()) {
                    finishReasons.add(choice.path("finish_reason").asText());
                }
            }
            return new Streamed(text.toString(), finishReasons, body.endsWith("data: [DONE]\n\n"));
        }
    }

    @Test
    void aRepeatedRequestIsAnsweredFromTheCacheWithoutCallingTheUpstream() throws Exception {
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream)) {
            HttpResponse<String> first = gateway.post("/v1/chat/completions", HELLO);
            HttpResponse<String> second = gateway.post("/v1/chat/completions", HELLO);

            assertEquals(200, second.statusCode(), second.body());
            assertEquals(Optional.empty(), cacheHeader(first));
            assertEquals(Optional.of("hit"), cacheHeader(second));
            assertEquals("Hi there", json(second.body()).at("/choices/0/message/content").asText());
            assertEquals(json(first.body()).path("id"), json(second.body()).path("id"));
            assertEquals(1, upstream.received().size(), "the second answer came from the cache");
        }
    }

    @Test
    void aStreamingCallerGetsTheCachedAnswerReplayedAsAStream() throws Exception {
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream)) {
            assertEquals(200, gateway.post("/v1/chat/completions", HELLO).statusCode());

            HttpResponse<String> replayed = gateway.post("/v1/chat/completions", HELLO_STREAMED);

            assertEquals(200, replayed.statusCode(), replayed.body());
            assertEquals(Optional.of("hit"), cacheHeader(replayed));
            assertTrue(replayed.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"), replayed.headers().toString());
            Streamed streamed = Streamed.of(replayed.body());
            assertEquals("Hi there", streamed.text());
            assertEquals(List.of("stop"), streamed.finishReasons());
            assertTrue(streamed.done(), replayed.body());
            assertEquals(1, upstream.received().size());
        }
    }

    @Test
    void streamedAnswersAreServedFromTheCacheButOnlyWholeAnswersFillIt() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start(); TestGateway gateway = gateway(upstream)) {
            upstream.enqueue(Reply.sse(OpenAiWire.streamFrames("test-model", List.of("Hi ", "there"), true, 5, 2), 0));
            upstream.enqueue(Reply.status(200, OpenAiWire.completion("test-model", "Hi there", 5, 2)));

            assertEquals("Hi there", Streamed.of(gateway.post("/v1/chat/completions", HELLO_STREAMED).body()).text());
            HttpResponse<String> whole = gateway.post("/v1/chat/completions", HELLO);
            HttpResponse<String> streamedAgain = gateway.post("/v1/chat/completions", HELLO_STREAMED);

            assertEquals(Optional.empty(), cacheHeader(whole), "the streamed answer was not stored");
            assertEquals(Optional.of("hit"), cacheHeader(streamedAgain), "the whole answer was");
            assertEquals("Hi there", Streamed.of(streamedAgain.body()).text());
            assertEquals(2, upstream.received().size());
        }
    }

    @Test
    void projectsDoNotShareAnswersAndHitsCarryThePolicyObject() throws Exception {
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream)) {
            gateway.post("/policy/chat/completions", HELLO, "x-policy-project", "support");
            HttpResponse<String> billing = gateway.post("/policy/chat/completions", HELLO, "x-policy-project", "billing");
            HttpResponse<String> supportAgain = gateway.post("/policy/chat/completions", HELLO, "x-policy-project", "support");

            assertEquals(Optional.empty(), cacheHeader(billing));
            assertEquals(Optional.of("hit"), cacheHeader(supportAgain));
            assertEquals("support", json(supportAgain.body()).at("/policy/policy_project_id").asText(), supportAgain.body());
            assertEquals(2, upstream.received().size());
        }
    }

    @Test
    void anAnthropicClientGetsItsCachedAnswerInTheMessagesFormat() throws Exception {
        String message = "{\"model\":\"test-model\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream)) {
            gateway.post("/v1/messages", message, "anthropic-version", "2023-06-01");

            HttpResponse<String> cached = gateway.post("/v1/messages", message, "anthropic-version", "2023-06-01");

            assertEquals(200, cached.statusCode(), cached.body());
            assertEquals(Optional.of("hit"), cacheHeader(cached));
            assertEquals("message", json(cached.body()).path("type").asText(), cached.body());
            assertEquals("Hi there", json(cached.body()).at("/content/0/text").asText(), cached.body());
            assertEquals(1, upstream.received().size());
        }
    }

    @Test
    void countsHitsMissesAndStoresAndTheEntriesHeldInMetrics() throws Exception {
        try (FakeUpstream upstream = upstream(); TestGateway gateway = gateway(upstream)) {
            gateway.post("/v1/chat/completions", HELLO);
            gateway.post("/v1/chat/completions", HELLO);
            gateway.post("/v1/chat/completions", HELLO, "cache-control", "no-store");

            List<String> metrics = gateway.get("/metrics").body().lines().toList();

            assertTrue(metrics.contains("policy_gateway_cache_requests_total{result=\"miss\",} 1.0"), String.join("\n", metrics));
            assertTrue(metrics.contains("policy_gateway_cache_requests_total{result=\"store\",} 1.0"));
            assertTrue(metrics.contains("policy_gateway_cache_requests_total{result=\"hit\",} 1.0"));
            assertTrue(metrics.contains("policy_gateway_cache_requests_total{result=\"bypass\",} 1.0"));
            assertTrue(metrics.contains("policy_gateway_cache_entries 1.0"));
            assertEquals(2, upstream.received().size(), "no-store went upstream");
        }
    }
}
