package io.policygateway.kernel.provider;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of one active health probe (a one-token chat request the gateway sends on its own).
 *
 * @param at when the probe finished
 * @param model the model probed
 * @param latencyMillis how long the probe took
 * @param error why it failed; empty when the provider answered
 */
public record ProbeResult(Instant at, String model, long latencyMillis, Optional<String> error) {
    public ProbeResult {
        requireNonNull(at, "at is null");
        requireNonNull(model, "model is null");
        requireNonNull(error, "error is null");
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
