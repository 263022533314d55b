package io.policygateway.kernel.provider;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rolling health facts of one provider (or routing target): last success and failure from real
 * traffic and active probes, the rolling latency of real traffic, and the last probe. Thread-safe.
 */
public final class ProviderHealth {
    private final AtomicReference<Snapshot> state = new AtomicReference<>(new Snapshot(Optional.empty(), Optional.empty(), Optional.empty(), -1));
    private final AtomicReference<Optional<ProbeResult>> lastProbe = new AtomicReference<>(Optional.empty());
    private final LatencySamples latencies = new LatencySamples();

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

    /** A call from real traffic succeeded; its latency joins the rolling window. */
    public void success(Instant when, long latencyMillis) {
        state.updateAndGet(old -> new Snapshot(Optional.of(when), old.lastFailure(), old.lastError(), latencyMillis));
        latencies.record(when, latencyMillis);
    }

    public void failure(Instant when, String error) {
        state.updateAndGet(old -> new Snapshot(old.lastSuccess(), Optional.of(when), Optional.of(error), old.lastLatencyMillis()));
    }

    /**
     * An active probe finished: it moves the last success or failure like traffic does (so a probe
     * notices an outage or a recovery while no client calls), but its latency is not a traffic sample.
     */
    public void probed(ProbeResult result) {
        requireNonNull(result, "result is null");
        lastProbe.set(Optional.of(result));
        if (result.succeeded()) {
            state.updateAndGet(old -> new Snapshot(Optional.of(result.at()), old.lastFailure(), old.lastError(), old.lastLatencyMillis()));
        } else {
            failure(result.at(), "probe: " + result.error().orElseThrow());
        }
    }

    public Snapshot snapshot() {
        return state.get();
    }

    /** The last active probe, if probing is on and one has finished. */
    public Optional<ProbeResult> lastProbe() {
        return lastProbe.get();
    }

    /** The rolling latency of real traffic as of {@code now}; empty without a recent successful call. */
    public Optional<LatencySamples.Percentiles> latency(Instant now) {
        return latencies.percentiles(now);
    }
}
