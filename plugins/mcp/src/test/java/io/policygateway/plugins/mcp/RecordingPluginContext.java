package io.policygateway.plugins.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.Metrics;
import io.policygateway.api.PluginContext;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.http.UpstreamClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plugin context for tests that records what the plugin reports: policy events and metric
 * samples. The environment is the one the test hands in, not the JVM's.
 */
final class RecordingPluginContext implements PluginContext {
    private final Path home;
    private final Map<String, String> environment;
    private final ObjectMapper json = new ObjectMapper();
    private final List<PolicyEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, Double> samples = new ConcurrentHashMap<>();

    RecordingPluginContext(Path home, Map<String, String> environment) {
        this.home = home;
        this.environment = Map.copyOf(environment);
    }

    /** A context whose environment holds the variables a stdio server needs to start: PATH and HOME. */
    static RecordingPluginContext withProcessBasics(Path home) {
        Map<String, String> environment = new java.util.HashMap<>();
        for (String name : List.of("PATH", "HOME")) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        return new RecordingPluginContext(home, environment);
    }

    List<PolicyEvent> events() {
        return List.copyOf(events);
    }

    List<PolicyEvent> events(String type) {
        List<PolicyEvent> matching = new ArrayList<>();
        for (PolicyEvent event : events) {
            if (event.type().equals(type)) {
                matching.add(event);
            }
        }
        return matching;
    }

    /** The value of a sample, e.g. {@code mcp_tool_calls_total{server=a,tool=a__x,outcome=ok}}; 0 when never set. */
    double sample(String name, String... labels) {
        return samples.getOrDefault(key(name, labels), 0.0);
    }

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
        return home;
    }

    @Override
    public Path dataDirectory() {
        return home;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public ObjectMapper json() {
        return json;
    }

    /** The MCP plugin reaches servers through the MCP SDK's transports, never through the upstream client. */
    @Override
    public UpstreamClient http() {
        throw new UnsupportedOperationException("the MCP plugin does not call upstreams");
    }

    @Override
    public Metrics metrics() {
        return new Metrics() {
            @Override
            public Counter counter(String name, String help, String... labelNames) {
                return (amount, labelValues) -> samples.merge(key(name, pairs(labelNames, labelValues)), amount, Double::sum);
            }

            @Override
            public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
                return (value, labelValues) -> samples.merge(key(name + "_count", pairs(labelNames, labelValues)), 1.0, Double::sum);
            }

            @Override
            public Gauge gauge(String name, String help, String... labelNames) {
                return new Gauge() {
                    @Override
                    public void set(double value, String... labelValues) {
                        samples.put(key(name, pairs(labelNames, labelValues)), value);
                    }

                    @Override
                    public void inc(double amount, String... labelValues) {
                        samples.merge(key(name, pairs(labelNames, labelValues)), amount, Double::sum);
                    }
                };
            }
        };
    }

    @Override
    public void emit(PolicyEvent event) {
        events.add(event);
    }

    private static String[] pairs(String[] names, String[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException("expected " + names.length + " label values, got " + values.length);
        }
        String[] pairs = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            pairs[i] = names[i] + "=" + values[i];
        }
        return pairs;
    }

    private static String key(String name, String... labels) {
        return name + "{" + String.join(",", labels) + "}";
    }
}
