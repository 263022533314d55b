package io.policygateway.kernel.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code x-ratelimit-limit-*}, {@code x-ratelimit-remaining-*}, {@code x-ratelimit-reset-*} (seconds until reset). */
final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    static Map<String, String> of(String unit, long limit, long remaining, long nanosToReset) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit-" + unit, Long.toString(limit));
        headers.put("x-ratelimit-remaining-" + unit, Long.toString(Math.max(0, remaining)));
        headers.put("x-ratelimit-reset-" + unit, Long.toString(Math.max(0, (nanosToReset + 999_999_999L) / 1_000_000_000L)) + "s");
        return headers;
    }
}
