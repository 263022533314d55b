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
public record UpstreamConfig(Duration connectTimeout, Duration firstByteTimeout, Duration idleTimeout,
        Integer maxConnectionsPerDestination) {
    public UpstreamConfig {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        firstByteTimeout = firstByteTimeout == null ? Duration.ofSeconds(60) : firstByteTimeout;
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
        maxConnectionsPerDestination = maxConnectionsPerDestination == null ? 256 : maxConnectionsPerDestination;
        if (maxConnectionsPerDestination < 1) {
            throw new IllegalArgumentException("max_connections_per_destination must be at least 1");
        }
    }

    public static UpstreamConfig defaults() {
        return new UpstreamConfig(null, null, null, null);
    }

    public Duration connect() {
        return connectTimeout;
    }

    public Duration firstByte() {
        return firstByteTimeout;
    }

    public Duration idle() {
        return idleTimeout;
    }
}
