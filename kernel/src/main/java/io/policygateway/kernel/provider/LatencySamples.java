package io.policygateway.kernel.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A provider's rolling latency from real traffic: the last {@link #CAPACITY} successful calls no
 * older than {@link #MAX_AGE}, with their median and 95th percentile (nearest rank). Failures and
 * active probes are not samples. Thread-safe.
 */
public final class LatencySamples {
    /** How many recent calls the window keeps. */
    public static final int CAPACITY = 128;
    /** Calls older than this no longer count. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final long[] latencies = new long[CAPACITY];
    private final long[] times = new long[CAPACITY];
    private int next;
    private int size;

    /** The percentiles of the samples in the window and how many there are. */
    public record Percentiles(long p50Millis, long p95Millis, int samples) {
    }

    /** @param when when the call succeeded; @param latencyMillis how long it took */
    public synchronized void record(Instant when, long latencyMillis) {
        latencies[next] = Math.max(0, latencyMillis);
        times[next] = when.toEpochMilli();
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    /** Empty when no call succeeded within {@link #MAX_AGE} before {@code now}. */
    public Optional<Percentiles> percentiles(Instant now) {
        long oldest = now.minus(MAX_AGE).toEpochMilli();
        long[] fresh = new long[CAPACITY];
        int count = 0;
        synchronized (this) {
            for (int i = 0; i < size; i++) {
                if (times[i] >= oldest) {
                    fresh[count++] = latencies[i];
                }
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        Arrays.sort(fresh, 0, count);
        return Optional.of(new Percentiles(rank(fresh, count, 0.50), rank(fresh, count, 0.95), count));
    }

    private static long rank(long[] sorted, int count, double quantile) {
        int index = (int) Math.ceil(quantile * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))];
    }
}
