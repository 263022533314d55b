package io.policygateway.plugins.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policygateway.kernel.testing.FakeUpstream;
import io.policygateway.kernel.testing.FakeUpstream.Reply;
import io.policygateway.kernel.testing.OpenAiWire;
import io.policygateway.kernel.testing.TestGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The rate-limit plugin in a real gateway, over real HTTP, against a fake OpenAI-format upstream. */
class RateLimitOverHttpTest {

    private static TestGateway gateway(FakeUpstream upstream, String limitConfig) throws Exception {
        return TestGateway.builder()
                .config("providers:\n  up:\n    type: test-openai-format\n    base_url: " + upstream.baseUrl() + "\n"
                        + "plugins:\n  - name: rate-limit\n    config: " + limitConfig + "\n")
                .start();
    }

    private static FakeUpstream upstream() throws Exception {
        return FakeUpstream.start().otherwise(request -> Reply.status(200, OpenAiWire.completion("test-model", "ok", 10, 5)));
    }

    private static HttpResponse<String> chat(TestGateway gateway, String user) {
        return gateway.post("/v1/chat/completions", OpenAiWire.chatRequest("test-model", "Hello", false), "x-policy-user", user);
    }

    @Test
    void returns429WithRetryAfterAndRateLimitHeadersOnceTheCallerSpentTheMinute() throws Exception {
        try (FakeUpstream upstream = upstream();
                TestGateway gateway = gateway(upstream, "{ key_by: [user], requests_per_minute: 2 }")) {
            assertEquals(200, chat(gateway, "alice").statusCode());
            assertEquals(200, chat(gateway, "alice").statusCode());

            HttpResponse<String> limited = chat(gateway, "alice");

            assertEquals(429, limited.statusCode(), limited.body());
            assertEquals("30", limited.headers().firstValue("retry-after").orElseThrow());
            assertEquals("2", limited.headers().firstValue("x-ratelimit-limit-requests").orElseThrow());
            assertEquals("0", limited.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
            assertEquals("30s", limited.headers().firstValue("x-ratelimit-reset-requests").orElseThrow());
            JsonNode error = TestPluginContext.JSON.readTree(limited.body()).path("error");
            assertEquals("rate_limit_error", error.path("type").asText());
            assertEquals("RATE_LIMITED", error.path("code").asText());
            assertTrue(error.path("message").asText().contains("2 requests per minute per user"), error.toString());
            assertEquals(2, upstream.received().size(), "the refused request never went upstream");
            assertEquals(200, chat(gateway, "bob").statusCode(), "another user has a bucket of their own");
        }
    }

    @Test
    void anAnthropicClientGetsAnAnthropicShapedRateLimitError() throws Exception {
        try (FakeUpstream upstream = upstream();
                TestGateway gateway = gateway(upstream, "{ key_by: [], requests_per_minute: 1 }")) {
            String message = "{\"model\":\"test-model\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
            assertEquals(200, gateway.post("/v1/messages", message, "anthropic-version", "2023-06-01").statusCode());

            HttpResponse<String> limited = gateway.post("/v1/messages", message, "anthropic-version", "2023-06-01");

            assertEquals(429, limited.statusCode(), limited.body());
            assertTrue(limited.headers().firstValue("retry-after").isPresent());
            JsonNode body = TestPluginContext.JSON.readTree(limited.body());
            assertEquals("error", body.path("type").asText(), body.toString());
            assertEquals("rate_limit_error", body.at("/error/type").asText(), body.toString());
            assertTrue(body.at("/error/message").asText().contains("1 requests per minute shared by all callers"), body.toString());
        }
    }

    @Test
    void tokensPerMinuteCountsTheOutputTheUpstreamReported() throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()
                .otherwise(request -> Reply.status(200, OpenAiWire.completion("test-model", "a long answer", 10, 99)));
                TestGateway gateway = gateway(upstream, "{ tokens_per_minute: 100 }")) {
            assertEquals(200, chat(gateway, "alice").statusCode());

            HttpResponse<String> limited = chat(gateway, "alice");

            assertEquals(429, limited.statusCode(), "2 input tokens (estimated) + 99 output tokens overdraw the 100 of the minute");
            assertEquals("100", limited.headers().firstValue("x-ratelimit-limit-tokens").orElseThrow());
            assertEquals(1, upstream.received().size());
        }
    }
}
