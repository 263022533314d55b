package io.policygateway.kernel.pipeline;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C trace context for one request: the trace id comes from an incoming {@code traceparent},
 * else from {@code x-request-id}, else is generated. The gateway's own span id is new.
 *
 * @param traceId 32 lower-case hex characters
 * @param spanId the gateway's span, 16 hex characters
 * @param requestId the caller's {@code x-request-id} if it sent one, else the trace id
 */
public record TraceContext(String traceId, String spanId, String requestId) {
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern ZERO = Pattern.compile("0{32}");

    public static TraceContext from(Optional<String> traceparent, Optional<String> requestId) {
        String traceId = traceparent.map(String::trim).map(TRACEPARENT::matcher).filter(java.util.regex.Matcher::matches)
                .map(matcher -> matcher.group(1)).filter(id -> !ZERO.matcher(id).matches()).orElse(null);
        String cleanRequestId = requestId.map(String::trim).filter(id -> !id.isEmpty() && id.length() <= 128)
                .filter(id -> id.chars().allMatch(c -> c > 0x20 && c < 0x7f)).orElse(null);
        if (traceId == null) {
            traceId = cleanRequestId != null && cleanRequestId.matches("[0-9a-fA-F]{32}") ? cleanRequestId.toLowerCase(java.util.Locale.ROOT) : randomHex(16);
        }
        return new TraceContext(traceId, randomHex(8), cleanRequestId == null ? traceId : cleanRequestId);
    }

    /** The {@code traceparent} to send upstream: same trace, the gateway's span as parent. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String randomHex(int bytes) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder(bytes * 2);
        for (int i = 0; i < bytes; i++) {
            int value = random.nextInt(256);
            out.append(Character.forDigit(value >> 4, 16)).append(Character.forDigit(value & 0xf, 16));
        }
        return out.toString();
    }
}
