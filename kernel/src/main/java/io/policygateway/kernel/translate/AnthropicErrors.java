package io.policygateway.kernel.translate;

import static io.policygateway.kernel.translate.JsonTrees.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.http.SseEvent;

/**
 * Turns an OpenAI-shaped error ({@code {"error":{"message","type","code","param"}}}) into the body an
 * Anthropic client expects: {@code {"type":"error","error":{"type":...,"message":...}}}. The Anthropic
 * error type follows the HTTP status (that is also what Anthropic's SDKs pick their exception by); the
 * OpenAI {@code code} (e.g. a policy reason code) is kept as {@code error.code}. Pure functions.
 */
public final class AnthropicErrors {

    private AnthropicErrors() {
    }

    /** The Anthropic error body for a gateway error answered with {@code status}. */
    public static ObjectNode fromOpenAiError(int status, JsonNode openAiError) {
        JsonNode error = openAiError.path("error");
        ObjectNode body = object().put("type", "error");
        ObjectNode inner = body.putObject("error");
        inner.put("type", typeFor(status));
        inner.put("message", error.path("message").asText(error.isTextual() ? error.asText() : "error " + status));
        JsonNode code = error.get("code");
        if (code != null && !code.isNull()) {
            inner.put("code", code.asText());
        }
        return body;
    }

    /** The same body as an Anthropic {@code error} stream event, for failures after a stream started. */
    public static SseEvent streamEvent(int status, JsonNode openAiError) {
        return SseEvent.of("error", JsonTrees.write(fromOpenAiError(status, openAiError)));
    }

    /** Anthropic's error type for an HTTP status. */
    public static String typeFor(int status) {
        return switch (status) {
            case 400, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            case 504 -> "timeout_error";
            default -> "api_error";
        };
    }
}
