package io.policygateway.kernel.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.WireFormat;
import io.policygateway.api.http.SseEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one mapper from a categorised error to what the caller sees: status, headers, and a body in
 * the caller's wire format — OpenAI's {@code {"error":{message,type,code,param}}} or Anthropic's
 * {@code {"type":"error","error":{type,message}}}.
 */
public final class ErrorResponses {
    private final ObjectMapper json;

    public ErrorResponses(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode body(GatewayException error, WireFormat format) {
        ObjectNode root = json.createObjectNode();
        if (format == WireFormat.ANTHROPIC_MESSAGES) {
            root.put("type", "error");
            ObjectNode inner = root.putObject("error");
            inner.put("type", anthropicType(error.category()));
            inner.put("message", error.getMessage());
            error.code().ifPresent(code -> inner.put("code", code));
            return root;
        }
        ObjectNode inner = root.putObject("error");
        inner.put("message", error.getMessage());
        inner.put("type", error.category().type());
        if (error.code().isPresent()) {
            inner.put("code", error.code().get());
        } else {
            inner.putNull("code");
        }
        if (error.param().isPresent()) {
            inner.put("param", error.param().get());
        } else {
            inner.putNull("param");
        }
        return root;
    }

    public byte[] bytes(GatewayException error, WireFormat format) {
        try {
            return json.writeValueAsBytes(body(error, format));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an error body always serialises", e);
        }
    }

    /** Headers that go with the error: {@code Retry-After} for rate limits. */
    public Map<String, String> headers(GatewayException error) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (error instanceof io.policygateway.kernel.policy.LimitExceededException limit) {
            headers.putAll(limit.headers());
        }
        error.retryAfter().ifPresent(delay -> headers.put("retry-after", Long.toString(Math.max(1, (delay.toMillis() + 999) / 1000))));
        return headers;
    }

    /**
     * The terminal event of a stream that failed after it started: never followed by a clean end
     * marker, so SDKs raise instead of returning a truncated answer as if complete.
     */
    public SseEvent streamError(GatewayException error, WireFormat format) {
        String data = new String(bytes(error, format), java.nio.charset.StandardCharsets.UTF_8);
        return switch (format) {
            case ANTHROPIC_MESSAGES -> SseEvent.of("error", data);
            case OPENAI_RESPONSES -> SseEvent.of("error", data);
            case OPENAI_CHAT, OPENAI_EMBEDDINGS, OPENAI_IMAGES -> SseEvent.data(data);
        };
    }

    private static String anthropicType(ErrorCategory category) {
        return switch (category) {
            case INVALID_REQUEST, METHOD_NOT_ALLOWED -> "invalid_request_error";
            case AUTHENTICATION -> "authentication_error";
            case PERMISSION -> "permission_error";
            case POLICY_VIOLATION -> "policy_violation";
            case NOT_FOUND -> "not_found_error";
            case PAYLOAD_TOO_LARGE -> "request_too_large";
            case RATE_LIMITED -> "rate_limit_error";
            case INTERNAL, NOT_IMPLEMENTED -> "api_error";
            case UPSTREAM, UPSTREAM_TIMEOUT -> "api_error";
            case UNAVAILABLE -> "overloaded_error";
        };
    }
}
