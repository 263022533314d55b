package io.policygateway.api.guardrail;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Why a {@link Decision#BLOCK} is a rate limit rather than a policy violation: the kernel answers
 * it with HTTP 429 ({@code error.type} {@code rate_limit_error}, {@code error.code} the verdict's
 * reason code), a {@code Retry-After} header and the given {@code x-ratelimit-*} headers, instead
 * of 403.
 *
 * @param retryAfter how long the caller should wait before trying again; not negative
 * @param headers response headers describing the limit; names are lower-case and start with
 *     {@code x-ratelimit-} (e.g. {@code x-ratelimit-remaining-requests}), values are single-line
 *     printable ASCII
 */
public record RateLimit(Duration retryAfter, Map<String, String> headers) {
    private static final Pattern HEADER_NAME = Pattern.compile("x-ratelimit-[a-z0-9-]+");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7e]*");

    public RateLimit {
        requireNonNull(retryAfter, "retryAfter is null");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, got " + retryAfter);
        }
        headers = Map.copyOf(headers);
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("rate limit header '" + name + "' must be lower-case and start with x-ratelimit-");
            }
            if (!HEADER_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("rate limit header '" + name + "' must have a single-line printable ASCII value");
            }
        });
    }
}
