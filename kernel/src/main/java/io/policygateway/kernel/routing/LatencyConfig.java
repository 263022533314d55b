package io.policygateway.kernel.routing;

import java.time.Duration;

/**
 * {@code latency:} of a strategy: the rolling window behind each target's median latency.
 *
 * @param samples how many recent successful attempts count, default 50
 * @param maxAge samples older than this are forgotten, default 60s, so a target that has not been
 *     used for a while is measured afresh
 */
public record LatencyConfig(Integer samples, Duration maxAge) {
    public LatencyConfig {
        samples = samples == null ? 50 : samples;
        maxAge = maxAge == null ? Duration.ofSeconds(60) : maxAge;
        if (samples < 1 || samples > 10_000) {
            throw new IllegalArgumentException("samples must be between 1 and 10000, got " + samples);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max_age must be positive");
        }
    }

    public static LatencyConfig defaults() {
        return new LatencyConfig(null, null);
    }
}
