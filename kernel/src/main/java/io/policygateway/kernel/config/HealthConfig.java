package io.policygateway.kernel.config;

import java.time.Duration;

/**
 * {@code health:} — the optional active probe behind {@code GET /health}.
 *
 * @param probeInterval how often each enabled provider is sent a one-token chat request; {@code 0s}
 *     (the default) turns probing off, so it costs no tokens
 * @param probeModel the model to probe with; a provider that does not serve it is probed with the
 *     first model of its own catalogue (one with no catalogue is not probed)
 * @param probeTimeout how long one probe may take before it counts as a failure, default 10s
 */
public record HealthConfig(Duration probeInterval, String probeModel, Duration probeTimeout) {
    /** Shorter intervals would turn the probe into load. */
    public static final Duration MINIMUM_INTERVAL = Duration.ofMillis(100);

    public HealthConfig {
        probeInterval = probeInterval == null ? Duration.ZERO : probeInterval;
        probeTimeout = probeTimeout == null ? Duration.ofSeconds(10) : probeTimeout;
        if (probeInterval.isNegative() || (!probeInterval.isZero() && probeInterval.compareTo(MINIMUM_INTERVAL) < 0)) {
            throw new IllegalArgumentException("probe_interval must be 0s (off) or at least 100ms, got " + probeInterval.toMillis() + "ms");
        }
        if (probeTimeout.isNegative() || probeTimeout.isZero()) {
            throw new IllegalArgumentException("probe_timeout must be positive");
        }
        if (probeModel != null && probeModel.isBlank()) {
            throw new IllegalArgumentException("probe_model must not be empty");
        }
    }

    public static HealthConfig defaults() {
        return new HealthConfig(null, null, null);
    }

    public boolean probing() {
        return !probeInterval.isZero();
    }
}
