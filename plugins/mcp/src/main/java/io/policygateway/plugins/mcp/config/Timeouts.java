package io.policygateway.plugins.mcp.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * @param connect how long starting a server, the {@code initialize} handshake and the first {@code tools/list} may take
 * @param call how long one {@code tools/call} or {@code ping} may take
 */
public record Timeouts(Duration connect, Duration call) {

    public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(30));

    public Timeouts {
        requireNonNull(connect, "connect is null");
        requireNonNull(call, "call is null");
        if (connect.isZero() || connect.isNegative() || call.isZero() || call.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
