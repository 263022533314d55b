package io.policygateway.plugins.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.Metrics;
import io.policygateway.api.PluginContext;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.http.UpstreamClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** A hand-written {@link PluginContext} with an explicit environment and the gateway's real upstream client. */
final class TestPluginContext implements PluginContext {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final UpstreamClient http;

    TestPluginContext(Map<String, String> environment, UpstreamClient http) {
        this.environment = Map.copyOf(environment);
        this.http = http;
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
        return Path.of(".");
    }

    @Override
    public Path dataDirectory() {
        return Path.of("target");
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public ObjectMapper json() {
        return JSON;
    }

    @Override
    public UpstreamClient http() {
        return http;
    }

    @Override
    public Metrics metrics() {
        throw new UnsupportedOperationException("moderation records no metrics of its own");
    }

    @Override
    public void emit(PolicyEvent event) {
    }
}
