package io.policygateway.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpstreamErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-13T10:12:42Z"), ZoneOffset.UTC);

    private record CannedResponse(int status, Map<String, String> headers, String text) implements UpstreamResponse {
        @Override
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst();
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] readAll() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void badRequestKeepsTheUpstreamMessageAndCode() {
        GatewayException error = UpstreamErrors.fromResponse("openai", new CannedResponse(400, Map.of(),
                "{\"error\":{\"message\":\"max_tokens is too large\",\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}"),
                JSON, CLOCK);
        assertEquals(ErrorCategory.INVALID_REQUEST, error.category());
        assertEquals("openai rejected the request (HTTP 400): max_tokens is too large", error.getMessage());
        assertEquals(Optional.of("context_length_exceeded"), error.code());
        assertEquals(400, error.upstreamStatus());
    }

    @Test
    void refusedCredentialsBecomeAnUpstreamErrorWithoutEchoingTheKey() {
        GatewayException error = UpstreamErrors.fromResponse("openai", new CannedResponse(401, Map.of(),
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-abc123456789xyz\"}}"), JSON, CLOCK);
        assertEquals(ErrorCategory.UPSTREAM, error.category());
        assertTrue(error.getMessage().contains("HTTP 401"), error.getMessage());
        assertFalse(error.getMessage().contains("sk-abc"), error.getMessage());
    }

    @Test
    void rateLimitCarriesRetryAfterSeconds() {
        GatewayException error = UpstreamErrors.fromResponse("anthropic", new CannedResponse(429,
                Map.of("Retry-After", "7"), "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"),
                JSON, CLOCK);
        assertEquals(ErrorCategory.RATE_LIMITED, error.category());
        assertEquals(Optional.of(Duration.ofSeconds(7)), error.retryAfter());
        assertEquals(Optional.of("rate_limit_error"), error.code());
        assertEquals("anthropic is rate limiting the gateway (HTTP 429): slow down", error.getMessage());
    }

    @Test
    void retryAfterAcceptsMillisecondsAndHttpDates() {
        assertEquals(Optional.of(Duration.ofMillis(1500)), UpstreamErrors.retryAfter(
                new CannedResponse(429, Map.of("retry-after-ms", "1500", "retry-after", "9"), ""), CLOCK));
        assertEquals(Optional.of(Duration.ofSeconds(18)),
                UpstreamErrors.parseRetryAfter("Tue, 13 Jan 2026 10:13:00 GMT", CLOCK));
        assertEquals(Optional.empty(), UpstreamErrors.parseRetryAfter("soon", CLOCK));
    }

    @Test
    void serverErrorsAndOverloadAreUpstreamFailuresNamingTheStatus() {
        GatewayException overloaded = UpstreamErrors.fromResponse("anthropic", new CannedResponse(529, Map.of(),
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"), JSON, CLOCK);
        assertEquals(ErrorCategory.UPSTREAM, overloaded.category());
        assertEquals("anthropic failed (HTTP 529): Overloaded", overloaded.getMessage());
        GatewayException html = UpstreamErrors.fromResponse("ollama", new CannedResponse(502, Map.of(),
                "<html>bad gateway</html>"), JSON, CLOCK);
        assertEquals("ollama failed (HTTP 502): <html>bad gateway</html>", html.getMessage());
    }

    @Test
    void geminiAndBedrockErrorShapesAreUnderstood() {
        GatewayException gemini = UpstreamErrors.fromResponse("gemini", new CannedResponse(400, Map.of(),
                "{\"error\":{\"code\":400,\"message\":\"API key not valid.\",\"status\":\"INVALID_ARGUMENT\"}}"), JSON, CLOCK);
        assertEquals(Optional.of("INVALID_ARGUMENT"), gemini.code());
        GatewayException bedrock = UpstreamErrors.fromResponse("bedrock", new CannedResponse(400,
                Map.of("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/"),
                "{\"message\":\"The provided model identifier is invalid.\"}"), JSON, CLOCK);
        assertEquals(Optional.of("ValidationException"), bedrock.code());
        assertEquals("bedrock rejected the request (HTTP 400): The provided model identifier is invalid.", bedrock.getMessage());
    }

    @Test
    void longMessagesAreCut() {
        GatewayException error = UpstreamErrors.fromStatus("vllm", 400, "x ".repeat(400), null, Optional.empty());
        assertTrue(error.getMessage().length() < 360, error.getMessage());
        assertTrue(error.getMessage().endsWith("..."));
    }

    @Test
    void silentUpstreamIsATimeoutAndABrokenConnectionIsNot() {
        assertEquals(ErrorCategory.UPSTREAM_TIMEOUT,
                UpstreamErrors.fromReadFailure("openai", new IOException(new SocketTimeoutException("idle"))).category());
        assertEquals(ErrorCategory.UPSTREAM,
                UpstreamErrors.fromReadFailure("openai", new IOException("connection reset")).category());
    }
}
