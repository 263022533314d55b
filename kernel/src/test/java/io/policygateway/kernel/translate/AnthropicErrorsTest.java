package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policygateway.api.http.SseEvent;
import org.junit.jupiter.api.Test;

class AnthropicErrorsTest {

    @Test
    void turnsAnOpenAiErrorIntoAnAnthropicErrorByStatus() {
        assertEquals(parse("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"messages: expected an array\"}}"),
                AnthropicErrors.fromOpenAiError(400, parse(
                        "{\"error\":{\"message\":\"messages: expected an array\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":null}}")));
        assertEquals(parse("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"),
                AnthropicErrors.fromOpenAiError(429, parse("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}")));
    }

    @Test
    void keepsThePolicyReasonCode() {
        assertEquals(parse("""
                {"type":"error","error":{"type":"permission_error","message":"blocked by policy pii","code":"PII_DETECTED"}}"""),
                AnthropicErrors.fromOpenAiError(403, parse(
                        "{\"error\":{\"message\":\"blocked by policy pii\",\"type\":\"policy_violation\",\"code\":\"PII_DETECTED\"}}")));
    }

    @Test
    void mapsEveryGatewayStatusToAnAnthropicType() {
        assertEquals("authentication_error", AnthropicErrors.typeFor(401));
        assertEquals("not_found_error", AnthropicErrors.typeFor(404));
        assertEquals("request_too_large", AnthropicErrors.typeFor(413));
        assertEquals("api_error", AnthropicErrors.typeFor(502));
        assertEquals("overloaded_error", AnthropicErrors.typeFor(503));
        assertEquals("timeout_error", AnthropicErrors.typeFor(504));
    }

    @Test
    void writesAStreamErrorEvent() {
        SseEvent event = AnthropicErrors.streamEvent(502, parse("{\"error\":{\"message\":\"anthropic failed (HTTP 500)\"}}"));
        assertEquals("error", event.event().orElseThrow());
        assertEquals("api_error", parse(event.data()).path("error").path("type").asText());
    }
}
