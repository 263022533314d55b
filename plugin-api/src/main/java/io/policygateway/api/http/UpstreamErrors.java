package io.policygateway.api.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Turns an upstream's error answer into the {@link GatewayException} a provider throws, the same
 * way for every provider:
 *
 * <table>
 * <caption>Upstream status to gateway category</caption>
 * <tr><th>upstream</th><th>category (caller sees)</th><th>why</th></tr>
 * <tr><td>400, 404, 409, 422</td><td>INVALID_REQUEST (400)</td><td>the request itself was refused; the upstream's
 *     message is kept so the caller can fix it</td></tr>
 * <tr><td>401, 403</td><td>UPSTREAM (502)</td><td>the gateway's provider credential was refused, not the caller's;
 *     another target may still answer. The upstream's message is dropped: it may echo the key</td></tr>
 * <tr><td>408</td><td>UPSTREAM_TIMEOUT (504)</td><td></td></tr>
 * <tr><td>413</td><td>PAYLOAD_TOO_LARGE (413)</td><td></td></tr>
 * <tr><td>429</td><td>RATE_LIMITED (429)</td><td>with the upstream's {@code Retry-After}</td></tr>
 * <tr><td>5xx, 529, anything else</td><td>UPSTREAM (502)</td><td>with {@code Retry-After} when sent</td></tr>
 * </table>
 *
 * <p>Every message names the provider and the upstream status. Upstream text is cut to
 * {@value #MESSAGE_LIMIT} characters and anything shaped like an API key is masked. Stateless and
 * thread-safe.
 */
public final class UpstreamErrors {
    /** The most characters of an upstream's error message a caller is shown. */
    public static final int MESSAGE_LIMIT = 300;

    private static final int BODY_LIMIT = 64 * 1024;
    private static final Pattern KEY_LIKE = Pattern.compile(
            "(sk-[A-Za-z0-9_\\-*]{6,}|AIza[0-9A-Za-z_\\-]{10,}|AKIA[0-9A-Z]{12,}|ASIA[0-9A-Z]{12,}|[A-Za-z0-9]{32,})");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private UpstreamErrors() {
    }

    /**
     * Reads (at most 64 KB of) an error answer's body and maps it. The message is taken from
     * {@code error.message}, {@code message} or {@code Message}; the code from {@code error.code}
     * (when textual), {@code error.status}, {@code error.type} or the {@code x-amzn-ErrorType} header.
     * Does not close {@code response}.
     */
    public static GatewayException fromResponse(String provider, UpstreamResponse response, ObjectMapper json, Clock clock) {
        requireNonNull(response, "response is null");
        String text = readBounded(response.body());
        String message = null;
        String code = null;
        try {
            JsonNode body = json.readTree(text);
            if (body != null && body.isObject()) {
                JsonNode error = body.path("error");
                message = firstText(error.path("message"), body.path("message"), body.path("Message"),
                        error.isTextual() ? error : null);
                JsonNode errorCode = error.path("code");
                code = firstText(errorCode.isTextual() ? errorCode : null, error.path("status"), error.path("type"));
            }
        } catch (IOException notJson) {
            message = text.isBlank() ? null : text.strip();
        }
        if (code == null) {
            code = response.header("x-amzn-ErrorType").map(value -> value.split(":", 2)[0]).orElse(null);
        }
        return fromStatus(provider, response.status(), message, code, retryAfter(response, clock));
    }

    /**
     * Maps an upstream status, with the upstream's own message and code when known, following the
     * table above.
     */
    public static GatewayException fromStatus(String provider, int status, String upstreamMessage, String upstreamCode,
            Optional<Duration> retryAfter) {
        requireNonNull(provider, "provider is null");
        requireNonNull(retryAfter, "retryAfter is null");
        String detail = upstreamMessage == null || upstreamMessage.isBlank() ? "" : ": " + clean(upstreamMessage);
        String code = upstreamCode == null || upstreamCode.isBlank() ? null : clean(upstreamCode);
        return switch (status) {
            case 400, 404, 409, 422 -> new GatewayException(ErrorCategory.INVALID_REQUEST,
                    provider + " rejected the request (HTTP " + status + ")" + detail, code, null, status, null, null);
            case 401, 403 -> new GatewayException(ErrorCategory.UPSTREAM,
                    provider + " refused the gateway's provider credentials (HTTP " + status
                            + "); check the key the gateway is configured with", code, null, status, null, null);
            case 408 -> new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT,
                    provider + " timed out (HTTP 408)" + detail, code, null, status, null, null);
            case 413 -> new GatewayException(ErrorCategory.PAYLOAD_TOO_LARGE,
                    provider + " refused the request as too large (HTTP 413)" + detail, code, null, status, null, null);
            case 429 -> new GatewayException(ErrorCategory.RATE_LIMITED,
                    provider + " is rate limiting the gateway (HTTP 429)" + detail, code, null, status,
                    retryAfter.orElse(null), null);
            default -> new GatewayException(ErrorCategory.UPSTREAM,
                    provider + " failed (HTTP " + status + ")" + detail, code, null, status, retryAfter.orElse(null), null);
        };
    }

    /**
     * Maps a failure while reading an upstream body: a silent upstream (an {@link InterruptedIOException}
     * or {@link TimeoutException} anywhere in the cause chain) is {@code UPSTREAM_TIMEOUT}, anything else
     * {@code UPSTREAM}.
     */
    public static GatewayException fromReadFailure(String provider, IOException failure) {
        requireNonNull(provider, "provider is null");
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException || cause instanceof TimeoutException) {
                return new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT,
                        provider + " stopped sending before the answer was complete (idle timeout)", failure);
            }
        }
        return new GatewayException(ErrorCategory.UPSTREAM,
                provider + " connection failed while reading the answer", failure);
    }

    /**
     * The upstream's requested delay: {@code retry-after-ms}, else {@code Retry-After} as seconds or an
     * HTTP date.
     */
    public static Optional<Duration> retryAfter(UpstreamResponse response, Clock clock) {
        Optional<String> milliseconds = response.header("retry-after-ms");
        if (milliseconds.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(milliseconds.get().trim()))));
            } catch (NumberFormatException ignored) {
                // fall back to Retry-After
            }
        }
        return response.header("retry-after").flatMap(value -> parseRetryAfter(value, clock));
    }

    /** Parses a {@code Retry-After} value: delay seconds (possibly fractional) or an HTTP date. */
    public static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            double seconds = Double.parseDouble(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration delay = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String clean(String text) {
        String single = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        String masked = KEY_LIKE.matcher(single).replaceAll("***");
        return masked.length() <= MESSAGE_LIMIT ? masked : masked.substring(0, MESSAGE_LIMIT) + "...";
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate != null && candidate.isValueNode() && !candidate.isNull() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }

    private static String readBounded(InputStream body) {
        try {
            return new String(body.readNBytes(BODY_LIMIT), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }
}
