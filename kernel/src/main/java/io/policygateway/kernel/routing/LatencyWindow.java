package io.policygateway.kernel.routing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A target's rolling latency: the last {@code samples} successful attempts younger than
 * {@code max_age} (time to the answer; time to the first event for streams). Thread-safe.
 */
public final class LatencyWindow {
    private final Clock clock;
    private final long maxAgeMillis;
    private final double[] latencies;
    private final long[] times;
    private int next;
    private int size;

    public LatencyWindow(LatencyConfig config, Clock clock) {
        requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.maxAgeMillis = config.maxAge().toMillis();
        this.latencies = new double[config.samples()];
        this.times = new long[config.samples()];
    }

    /** The median and how many samples back it. */
    public record Median(OptionalDouble millis, long samples) {
    }

    public synchronized void record(double latencyMillis) {
        latencies[next] = latencyMillis;
        times[next] = clock.millis();
        next = (next + 1) % latencies.length;
        size = Math.min(size + 1, latencies.length);
    }

    public synchronized Median median() {
        long oldest = clock.millis() - maxAgeMillis;
        double[] fresh = new double[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (times[i] > oldest) {
                fresh[count++] = latencies[i];
            }
        }
        if (count == 0) {
            return new Median(OptionalDouble.empty(), 0);
        }
        Arrays.sort(fresh, 0, count);
        double median = count % 2 == 1 ? fresh[count / 2] : (fresh[count / 2 - 1] + fresh[count / 2]) / 2;
        return new Median(OptionalDouble.of(median), count);
    }
}
