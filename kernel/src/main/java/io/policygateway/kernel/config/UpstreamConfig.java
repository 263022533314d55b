package io.policygateway.kernel.config;

import java.time.Duration;

/**
 * {@code upstream:} — the gateway→provider HTTP client.
 *
 * @param connectTimeout TCP/TLS connect timeout, default 10s
 * @param firstByteTimeout time allowed until the upstream's response headers, default 60s
 * @param idleTimeout longest silence within a response body (a stalled stream), default 60s
 * @param maxConnectionsPerDestination pooled connections per upstream host, default 256
 */
public record UpstreamConfig(String connectTimeout, String firstByteTimeout, String idleTimeout,
        Integer maxConnectionsPerDestination) {
    public UpstreamConfig {
        connectTimeout = connectTimeout == null ? "10s" : connectTimeout;
        firstByteTimeout = firstByteTimeout == null ? "60s" : firstByteTimeout;
        idleTimeout = idleTimeout == null ? "60s" : idleTimeout;
        ConfigValues.duration(connectTimeout);
        ConfigValues.duration(firstByteTimeout);
        ConfigValues.duration(idleTimeout);
        maxConnectionsPerDestination = maxConnectionsPerDestination == null ? 256 : maxConnectionsPerDestination;
        if (maxConnectionsPerDestination < 1) {
            throw new IllegalArgumentException("max_connections_per_destination must be at least 1");
        }
    }

    public static UpstreamConfig defaults() {
        return new UpstreamConfig(null, null, null, null);
    }

    public Duration connect() {
        return ConfigValues.duration(connectTimeout);
    }

    public Duration firstByte() {
        return ConfigValues.duration(firstByteTimeout);
    }

    public Duration idle() {
        return ConfigValues.duration(idleTimeout);
    }
}
