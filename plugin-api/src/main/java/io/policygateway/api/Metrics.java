package io.policygateway.api;

/**
 * The gateway's metric registry as plugins see it. Names are prefixed with
 * {@code policy_gateway_} by the kernel. Registering the same name twice returns the same metric.
 * Label values must come from a bounded set (no user ids, no prompt text).
 */
public interface Metrics {

    Counter counter(String name, String help, String... labelNames);

    Histogram histogram(String name, String help, double[] buckets, String... labelNames);

    Gauge gauge(String name, String help, String... labelNames);

    /** A monotonically increasing count. */
    interface Counter {
        void inc(double amount, String... labelValues);

        default void inc(String... labelValues) {
            inc(1, labelValues);
        }
    }

    /** A distribution of observed values, e.g. seconds. */
    interface Histogram {
        void observe(double value, String... labelValues);
    }

    /** A value that goes up and down. */
    interface Gauge {
        void set(double value, String... labelValues);

        void inc(double amount, String... labelValues);
    }
}
