package io.policygateway.plugins.responsecache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.Metrics;
import io.policygateway.api.PluginContext;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.api.http.UpstreamClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** A plugin context for tests: a clock the test moves, metrics it can read, no environment, no upstream calls. */
final class TestPluginContext implements PluginContext {
    static final ObjectMapper JSON = new ObjectMapper();

    final RecordingMetrics metrics = new RecordingMetrics();
    private volatile Instant now = Instant.parse("2026-01-13T10:12:42Z");

    void advance(Duration duration) {
        now = now.plus(duration);
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
        return Path.of(".");
    }

    @Override
    public Path dataDirectory() {
        return Path.of("target");
    }

    @Override
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @Override
    public ObjectMapper json() {
        return JSON;
    }

    @Override
    public UpstreamClient http() {
        throw new UnsupportedOperationException("response-cache makes no upstream calls");
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public void emit(PolicyEvent event) {
    }
}
