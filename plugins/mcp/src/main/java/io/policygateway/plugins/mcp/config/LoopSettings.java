package io.policygateway.plugins.mcp.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code mcp} section: how the tool loop behaves and who may use which tools.
 *
 * @param maxIterations the most model turns one request may take
 * @param lastAnswerOnMaxIterations whether reaching the limit returns the last answer instead of an error
 * @param projects per-project tool filters over namespaced names; a project without an entry may use every tool
 * @param keys per-credential filters (gateway key name or JWT subject), applied as well as the project's
 * @param maxResultChars the longest tool result handed to the model; longer results are cut
 * @param startupWait how long the gateway's start waits for the servers' first connection attempts
 * @param reconnectInitialDelay the first delay before reconnecting a server that is down
 * @param reconnectMaxDelay the longest delay between reconnection attempts (the delay doubles up to it)
 * @param healthCheckInterval how often a connected server is pinged
 */
public record LoopSettings(int maxIterations, boolean lastAnswerOnMaxIterations, Map<String, ToolFilter> projects,
        Map<String, ToolFilter> keys, int maxResultChars, Duration startupWait, Duration reconnectInitialDelay,
        Duration reconnectMaxDelay, Duration healthCheckInterval) {

    public LoopSettings {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1");
        }
        projects = Map.copyOf(projects);
        keys = Map.copyOf(keys);
        if (maxResultChars < 1) {
            throw new IllegalArgumentException("maxResultChars must be at least 1");
        }
        requireNonNull(startupWait, "startupWait is null");
        requireNonNull(reconnectInitialDelay, "reconnectInitialDelay is null");
        requireNonNull(reconnectMaxDelay, "reconnectMaxDelay is null");
        requireNonNull(healthCheckInterval, "healthCheckInterval is null");
    }
}
