package io.policygateway.plugins.requestlogger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.Metrics;
import io.policygateway.api.PluginContext;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.http.UpstreamClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** A plugin context for tests: a data folder of the test's choosing, a fixed clock, metrics it can read. */
final class TestPluginContext implements PluginContext {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-01-13T10:12:42.125Z");

    final RecordingMetrics metrics = new RecordingMetrics();
    private final Path dataDirectory;

    TestPluginContext(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
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
        return dataDirectory.getParent();
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Override
    public ObjectMapper json() {
        return JSON;
    }

    @Override
    public UpstreamClient http() {
        throw new UnsupportedOperationException("request-logger makes no upstream calls");
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public void emit(PolicyEvent event) {
    }
}
