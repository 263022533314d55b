package io.policygateway.kernel.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rolling latency window behind {@code latency_p50_ms} and {@code latency_p95_ms} on {@code /health}. */
class LatencySamplesTest {
    private static final Instant NOW = Instant.parse("2025-08-15T10:00:00Z");

    @Test
    void percentilesAreNearestRankOverTheRecentCalls() {
        LatencySamples samples = new LatencySamples();
        for (int latency = 100; latency >= 1; latency--) {
            samples.record(NOW.minusSeconds(1), latency);
        }
        LatencySamples.Percentiles percentiles = samples.percentiles(NOW).orElseThrow();
        assertEquals(50, percentiles.p50Millis());
        assertEquals(95, percentiles.p95Millis());
        assertEquals(100, percentiles.samples());
    }

    @Test
    void callsOlderThanTheMaximumAgeNoLongerCount() {
        LatencySamples samples = new LatencySamples();
        samples.record(NOW.minus(LatencySamples.MAX_AGE).minusSeconds(1), 5_000);
        samples.record(NOW.minusSeconds(10), 40);
        LatencySamples.Percentiles percentiles = samples.percentiles(NOW).orElseThrow();
        assertEquals(1, percentiles.samples());
        assertEquals(40, percentiles.p95Millis());
        assertTrue(samples.percentiles(NOW.plus(LatencySamples.MAX_AGE)).isEmpty(), "nothing recent: no latency to show");
    }

    @Test
    void onlyTheLastCallsUpToTheCapacityCount() {
        LatencySamples samples = new LatencySamples();
        for (int i = 0; i < LatencySamples.CAPACITY; i++) {
            samples.record(NOW, 1_000);
        }
        for (int i = 0; i < LatencySamples.CAPACITY; i++) {
            samples.record(NOW, 10);
        }
        LatencySamples.Percentiles percentiles = samples.percentiles(NOW).orElseThrow();
        assertEquals(LatencySamples.CAPACITY, percentiles.samples());
        assertEquals(10, percentiles.p95Millis(), "the slow calls were pushed out by newer ones");
    }
}
