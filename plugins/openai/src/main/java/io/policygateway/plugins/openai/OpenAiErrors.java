package io.policygateway.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Turns an upstream's error answer into a categorised error that names the upstream and its status. */
final class OpenAiErrors {
    private static final int MESSAGE_LIMIT = 500;

    private OpenAiErrors() {
    }

    static GatewayException fromStatus(String provider, int status, byte[] body, Optional<String> retryAfter, ObjectMapper json) {
        String upstreamMessage = message(body, json);
        String param = param(body, json);
        String code = code(body, json);
        String detail = upstreamMessage.isEmpty() ? "" : ": " + upstreamMessage;
        return switch (status) {
            case 400, 404, 409, 413, 415, 422 -> new GatewayException(ErrorCategory.INVALID_REQUEST,
                    "Upstream " + provider + " rejected the request (HTTP " + status + ")" + detail, code, param, status, null, null);
            case 401, 403 -> new GatewayException(ErrorCategory.UPSTREAM,
                    "Upstream " + provider + " rejected the gateway's credentials (HTTP " + status + ")" + detail, code, null, status, null, null);
            case 429 -> new GatewayException(ErrorCategory.RATE_LIMITED,
                    "Upstream " + provider + " is rate limiting (HTTP 429)" + detail, code, null, status, retryAfter(retryAfter), null);
            case 408, 504 -> new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT,
                    "Upstream " + provider + " timed out (HTTP " + status + ")" + detail, code, null, status, null, null);
            default -> new GatewayException(ErrorCategory.UPSTREAM,
                    "Upstream " + provider + " failed (HTTP " + status + ")" + detail, code, null, status, retryAfter(retryAfter), null);
        };
    }

    private static JsonNode error(byte[] body, ObjectMapper json) {
        try {
            return json.readTree(body).path("error");
        } catch (IOException | RuntimeException e) {
            return json.missingNode();
        }
    }

    static String message(byte[] body, ObjectMapper json) {
        JsonNode error = error(body, json);
        String message = error.isTextual() ? error.asText() : error.path("message").asText("");
        if (message.isEmpty() && body.length > 0 && body.length < 2000) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            message = text.startsWith("<") ? "" : text;
        }
        return message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) + "…" : message;
    }

    private static String param(byte[] body, ObjectMapper json) {
        JsonNode param = error(body, json).path("param");
        return param.isTextual() ? param.asText() : null;
    }

    private static String code(byte[] body, ObjectMapper json) {
        JsonNode code = error(body, json).path("code");
        return code.isTextual() ? code.asText() : null;
    }

    /** {@code Retry-After} as seconds or an HTTP date. */
    static Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
