package io.policygateway.plugins.bedrock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.Metrics;
import io.policygateway.api.PluginContext;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.http.UpstreamClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** A plugin context for tests: a given environment, a fixed clock and real HTTP. */
record TestContext(Map<String, String> environment) implements PluginContext {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-13T10:12:42Z"), ZoneOffset.UTC);
    private static final UpstreamClient HTTP = new JdkUpstreamClient();

    @Override
    public String systemVersion() {
        return "0.1.0";
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    @Override
    public Path home() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    @Override
    public Path dataDirectory() {
        return home();
    }

    @Override
    public Clock clock() {
        return CLOCK;
    }

    @Override
    public ObjectMapper json() {
        return JSON;
    }

    @Override
    public UpstreamClient http() {
        return HTTP;
    }

    @Override
    public Metrics metrics() {
        return new Metrics() {
            @Override
            public Counter counter(String name, String help, String... labelNames) {
                return (amount, labelValues) -> { };
            }

            @Override
            public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
                return (value, labelValues) -> { };
            }

            @Override
            public Gauge gauge(String name, String help, String... labelNames) {
                return new Gauge() {
                    @Override
                    public void set(double value, String... labelValues) {
                    }

                    @Override
                    public void inc(double amount, String... labelValues) {
                    }
                };
            }
        };
    }

    @Override
    public void emit(PolicyEvent event) {
    }
}
