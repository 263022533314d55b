package io.policygateway.kernel.routing;

import java.time.Duration;
import java.util.List;

/**
 * {@code retry:} of a target (or of a whole strategy, as the default of its targets).
 *
 * @param attempts attempts on the same target, the first included (1 = no retry), 1 to 10, default 1
 * @param onStatus upstream statuses worth another attempt on the same target, default 429, 500, 502, 503, 504;
 *     connection errors and timeouts are always retried
 * @param backoff the wait between attempts
 */
public record RetryConfig(Integer attempts, List<Integer> onStatus, Backoff backoff) {
    static final List<Integer> DEFAULT_STATUSES = List.of(429, 500, 502, 503, 504);

    public RetryConfig {
        attempts = attempts == null ? 1 : attempts;
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("attempts must be between 1 and 10, got " + attempts);
        }
        onStatus = onStatus == null ? DEFAULT_STATUSES : List.copyOf(onStatus);
        for (int status : onStatus) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("on_status lists HTTP error statuses (400-599), got " + status);
            }
        }
        backoff = backoff == null ? Backoff.defaults() : backoff;
    }

    public static RetryConfig defaults() {
        return new RetryConfig(null, null, null);
    }

    /**
     * Exponential backoff with full jitter: before retry {@code n} the gateway waits a random time
     * between 0 and {@code min(max, initial × 2^(n-1))}.
     *
     * @param initial the cap of the first wait, default 200ms
     * @param max the largest wait, and the longest upstream {@code Retry-After} honoured, default 5s
     */
    public record Backoff(Duration initial, Duration max) {
        public Backoff {
            initial = initial == null ? Duration.ofMillis(200) : initial;
            max = max == null ? Duration.ofSeconds(5) : max;
            if (initial.isNegative() || max.isNegative()) {
                throw new IllegalArgumentException("backoff durations must not be negative");
            }
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff.max (" + max.toMillis() + "ms) is smaller than backoff.initial ("
                        + initial.toMillis() + "ms)");
            }
        }

        public static Backoff defaults() {
            return new Backoff(null, null);
        }
    }
}
