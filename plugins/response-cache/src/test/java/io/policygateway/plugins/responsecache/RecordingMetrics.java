package io.policygateway.plugins.responsecache;

import io.policygateway.api.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Metrics that remember their values, by name and label values ({@code name{a,b}}). */
final class RecordingMetrics implements Metrics {
    private final Map<String, Double> values = new ConcurrentHashMap<>();

    double value(String name, String... labelValues) {
        return values.getOrDefault(key(name, labelValues), 0.0);
    }

    private static String key(String name, String... labelValues) {
        return name + "{" + String.join(",", labelValues) + "}";
    }

    @Override
    public Counter counter(String name, String help, String... labelNames) {
        return (amount, labelValues) -> values.merge(key(name, labelValues), amount, Double::sum);
    }

    @Override
    public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
        return (value, labelValues) -> values.merge(key(name, labelValues), 1.0, Double::sum);
    }

    @Override
    public Gauge gauge(String name, String help, String... labelNames) {
        return new Gauge() {
            @Override
            public void set(double value, String... labelValues) {
                values.put(key(name, labelValues), value);
            }

            @Override
            public void inc(double amount, String... labelValues) {
                values.merge(key(name, labelValues), amount, Double::sum);
            }
        };
    }
}
