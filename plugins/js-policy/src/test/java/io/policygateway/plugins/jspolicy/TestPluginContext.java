package io.policygateway.plugins.jspolicy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.ErrorCategory;
import io.policygateway.api.GatewayException;
import io.policygateway.api.Metrics;
import io.policygateway.api.PluginContext;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.http.UpstreamClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;

/** A hand-written {@link PluginContext} that records emitted events and counter increments. */
final class TestPluginContext implements PluginContext {
    private final Path home;
    private final ObjectMapper json = new ObjectMapper();
    private final List<PolicyEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, DoubleAdder> counts = new ConcurrentHashMap<>();

    TestPluginContext(Path home) {
        this.home = requireNonNull(home, "home is null");
    }

    List<PolicyEvent> events() {
        return List.copyOf(events);
    }

    List<PolicyEvent> events(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    /** How often a counter was increased with these label values, e.g. {@code count("js_policy_failures_total", "timeout")}. */
    double count(String name, String... labelValues) {
        DoubleAdder adder = counts.get(name + List.of(labelValues));
        return adder == null ? 0 : adder.sum();
    }

    @Override
    public String systemVersion() {
        return "0.1.0";
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.empty();
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Path dataDirectory() {
        return home.resolve("data");
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public ObjectMapper json() {
        return json;
    }

    @Override
    public UpstreamClient http() {
        return request -> {
            throw new GatewayException(ErrorCategory.INTERNAL, "policy scripts have no HTTP client");
        };
    }

    @Override
    public Metrics metrics() {
        return new Metrics() {
            @Override
            public Counter counter(String name, String help, String... labelNames) {
                return (amount, labelValues) -> counts.computeIfAbsent(name + List.of(labelValues),
                        key -> new DoubleAdder()).add(amount);
            }

            @Override
            public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
                return (value, labelValues) -> counts.computeIfAbsent(name + List.of(labelValues),
                        key -> new DoubleAdder()).add(1);
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
        events.add(event);
    }
}
