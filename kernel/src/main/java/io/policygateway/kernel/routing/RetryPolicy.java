package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** When to try the same target again and how long to wait first. Immutable. */
public record RetryPolicy(int attempts, Set<Integer> statuses, Duration initial, Duration max) {

    public RetryPolicy {
        statuses = Set.copyOf(statuses);
        requireNonNull(initial, "initial is null");
        requireNonNull(max, "max is null");
    }

    public static RetryPolicy of(RetryConfig config) {
        return new RetryPolicy(config.attempts(), Set.copyOf(config.onStatus()), config.backoff().initial(), config.backoff().max());
    }

    /** One attempt, no retry: how requests behave without routing config. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Set.of(), Duration.ZERO, Duration.ZERO);
    }

    /**
     * Whether a failure is worth another attempt on the same target: an upstream status listed in
     * {@code on_status}, or no status at all (connection refused or reset, timeout, broken stream).
     */
    public boolean retriesOn(GatewayException failure) {
        if (failure.upstreamStatus() > 0) {
            return statuses.contains(failure.upstreamStatus());
        }
        return failure.category() == ErrorCategory.UPSTREAM || failure.category() == ErrorCategory.UPSTREAM_TIMEOUT;
    }

    /**
     * The wait before retry number {@code retry} (1 for the second attempt): the upstream's
     * {@code Retry-After} when it sent one, else a random time between 0 and
     * {@code min(max, initial × 2^(retry-1))} (full jitter).
     *
     * @param random a uniformly random number in [0, 1)
     * @return the wait, or empty when the upstream asks for a longer pause than {@code max}: the
     *     target should not be retried for this request
     */
    public Optional<Duration> delayBefore(int retry, Optional<Duration> retryAfter, double random) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
            return asked.compareTo(max) > 0 ? Optional.empty() : Optional.of(asked);
        }
        double ceiling = Math.min(max.toNanos(), initial.toNanos() * Math.pow(2, Math.max(0, retry - 1)));
        return Optional.of(Duration.ofNanos((long) (ceiling * random)));
    }
}
