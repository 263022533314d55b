package io.policygateway.kernel;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.Metrics;
import io.policygateway.api.PluginContext;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.http.UpstreamClient;
import io.policygateway.kernel.event.EventBus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** What the gateway hands to every plugin. */
final class GatewayPluginContext implements PluginContext {
    private final String version;
    private final Function<String, Optional<String>> environment;
    private final Path home;
    private final Path dataDirectory;
    private final Clock clock;
    private final ObjectMapper json;
    private final UpstreamClient http;
    private final Metrics metrics;
    private final EventBus events;

    GatewayPluginContext(String version, Function<String, Optional<String>> environment, Path home, Path dataDirectory, Clock clock,
            ObjectMapper json, UpstreamClient http, Metrics metrics, EventBus events) {
        this.version = requireNonNull(version, "version is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.home = requireNonNull(home, "home is null");
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.json = requireNonNull(json, "json is null");
        this.http = requireNonNull(http, "http is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.events = requireNonNull(events, "events is null");
    }

    @Override
    public String systemVersion() {
        return version;
    }

    @Override
    public Optional<String> env(String name) {
        return environment.apply(name).filter(value -> !value.isEmpty());
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ObjectMapper json() {
        return json;
    }

    @Override
    public UpstreamClient http() {
        return http;
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public void emit(PolicyEvent event) {
        events.emit(event);
    }
}
