package io.policygateway.kernel.routing;

import java.time.Duration;

/**
 * {@code circuit_breaker:} of a target (or of a whole strategy, as the default of its targets).
 *
 * @param enabled whether the target has a breaker, default true
 * @param failureThreshold failures within {@code window}, with no success in between, that open the
 *     breaker, default 5
 * @param window how far back failures count, default 30s
 * @param cooldown how long an open breaker skips the target before letting one probe through, default 30s
 */
public record BreakerConfig(Boolean enabled, Integer failureThreshold, Duration window, Duration cooldown) {
    public BreakerConfig {
        enabled = enabled == null || enabled;
        failureThreshold = failureThreshold == null ? 5 : failureThreshold;
        window = window == null ? Duration.ofSeconds(30) : window;
        cooldown = cooldown == null ? Duration.ofSeconds(30) : cooldown;
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure_threshold must be at least 1, got " + failureThreshold);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative");
        }
    }

    public static BreakerConfig defaults() {
        return new BreakerConfig(null, null, null, null);
    }
}
