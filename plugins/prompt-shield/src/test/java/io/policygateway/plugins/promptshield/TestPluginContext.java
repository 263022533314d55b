package io.policygateway.plugins.promptshield;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.Metrics;
import io.policygateway.api.PluginContext;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.http.UpstreamClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** A hand-written {@link PluginContext} for creating the guardrail outside a gateway. */
final class TestPluginContext implements PluginContext {
    private final Map<String, String> environment;

    TestPluginContext(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
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
        return new ObjectMapper();
    }

    @Override
    public UpstreamClient http() {
        throw new UnsupportedOperationException("prompt-shield makes no HTTP calls");
    }

    @Override
    public Metrics metrics() {
        throw new UnsupportedOperationException("prompt-shield records no metrics of its own");
    }

    @Override
    public void emit(PolicyEvent event) {
    }
}
