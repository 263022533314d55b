package io.policygateway.plugins.anthropic;

import static io.policygateway.plugins.anthropic.Harness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnthropicUpstreamErrorsTest {
    private static final String REQUEST = "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static GatewayException failureFor(int status, String body, Map<String, String> headers) throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start().answerJson(status, body, headers)) {
            return assertThrows(GatewayException.class, () -> Harness.provider(upstream)
                    .send(Harness.request(WireFormat.OPENAI_CHAT, json(REQUEST), false, Map.of())));
        }
    }

    @Test
    void aRejectedRequestIsTheCallersErrorWithAnthropicsReason() throws Exception {
        GatewayException error = failureFor(400, """
                {"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: must be at most 8192"}}""", Map.of());
        assertEquals(ErrorCategory.INVALID_REQUEST, error.category());
        assertEquals("anthropic rejected the request (HTTP 400): max_tokens: must be at most 8192", error.getMessage());
        assertEquals(Optional.of("invalid_request_error"), error.code());
    }

    @Test
    void aRefusedProviderKeyIsAnUpstreamErrorThatDoesNotEchoTheKey() throws Exception {
        GatewayException error = failureFor(401, """
                {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}""", Map.of());
        assertEquals(ErrorCategory.UPSTREAM, error.category());
        assertEquals(401, error.upstreamStatus());
        assertFalse(error.getMessage().contains(Harness.API_KEY));
    }

    @Test
    void rateLimitsCarryRetryAfter() throws Exception {
        GatewayException error = failureFor(429, """
                {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}""",
                Map.of("retry-after", "30"));
        assertEquals(ErrorCategory.RATE_LIMITED, error.category());
        assertEquals(Optional.of(Duration.ofSeconds(30)), error.retryAfter());
    }

    @Test
    void overloadIsAnUpstreamFailureNamingStatus529() throws Exception {
        GatewayException error = failureFor(529, """
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""", Map.of());
        assertEquals(ErrorCategory.UPSTREAM, error.category());
        assertTrue(error.getMessage().contains("HTTP 529"), error.getMessage());
    }
}
