package io.policygateway.kernel.metrics;

import io.policygateway.api.Metrics;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.client.hotspot.DefaultExports;
import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The gateway's metric registry over Prometheus simpleclient. One registry per gateway (not the
 * JVM-wide default), so several gateways can run in one JVM under test. Names get the
 * {@code policy_gateway_} prefix here.
 */
public final class PrometheusMetrics implements Metrics {
    public static final String PREFIX = "policy_gateway_";

    private final CollectorRegistry registry = new CollectorRegistry(true);
    private final ConcurrentMap<String, Collector> collectors = new ConcurrentHashMap<>();

    public PrometheusMetrics(boolean jvmMetrics) {
        if (jvmMetrics) {
            DefaultExports.register(registry);
        }
    }

    @Override
    public Counter counter(String name, String help, String... labelNames) {
        io.prometheus.client.Counter counter = (io.prometheus.client.Counter) collectors.computeIfAbsent(PREFIX + name,
                full -> io.prometheus.client.Counter.build(full, help).labelNames(labelNames).register(registry));
        return (amount, labelValues) -> counter.labels(labelValues).inc(amount);
    }

    @Override
    public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
        io.prometheus.client.Histogram histogram = (io.prometheus.client.Histogram) collectors.computeIfAbsent(PREFIX + name,
                full -> io.prometheus.client.Histogram.build(full, help).buckets(buckets).labelNames(labelNames).register(registry));
        return (value, labelValues) -> histogram.labels(labelValues).observe(value);
    }

    @Override
    public Gauge gauge(String name, String help, String... labelNames) {
        io.prometheus.client.Gauge gauge = (io.prometheus.client.Gauge) collectors.computeIfAbsent(PREFIX + name,
                full -> io.prometheus.client.Gauge.build(full, help).labelNames(labelNames).register(registry));
        return new Gauge() {
            @Override
            public void set(double value, String... labelValues) {
                gauge.labels(labelValues).set(value);
            }

            @Override
            public void inc(double amount, String... labelValues) {
                gauge.labels(labelValues).inc(amount);
            }
        };
    }

    /** The Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        StringWriter out = new StringWriter(16384);
        try {
            TextFormat.write004(out, registry.metricFamilySamples());
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
