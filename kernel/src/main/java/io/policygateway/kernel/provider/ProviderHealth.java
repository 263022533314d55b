package io.policygateway.kernel.provider;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Rolling health facts of one provider from real traffic. Thread-safe. */
public final class ProviderHealth {
    private final AtomicReference<Snapshot> state = new AtomicReference<>(new Snapshot(Optional.empty(), Optional.empty(), Optional.empty(), -1));

    /** @param lastLatencyMillis latency of the last successful call, -1 before the first */
    public record Snapshot(Optional<Instant> lastSuccess, Optional<Instant> lastFailure, Optional<String> lastError, long lastLatencyMillis) {
        /** {@code up} until a failure is more recent than the last success. */
        public String status() {
            if (lastFailure.isEmpty()) {
                return "up";
            }
            if (lastSuccess.isPresent() && lastSuccess.get().isAfter(lastFailure.get())) {
                return "up";
            }
            return "failing";
        }
    }

    public void success(Instant when, long latencyMillis) {
        state.updateAndGet(old -> new Snapshot(Optional.of(when), old.lastFailure(), old.lastError(), latencyMillis));
    }

    public void failure(Instant when, String error) {
        state.updateAndGet(old -> new Snapshot(old.lastSuccess(), Optional.of(when), Optional.of(error), old.lastLatencyMillis()));
    }

    public Snapshot snapshot() {
        return state.get();
    }
}
