package io.policygateway.plugins.mcp.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policygateway.api.PluginContext;
import io.policygateway.plugins.mcp.config.LoopSettings;
import io.policygateway.plugins.mcp.config.McpConfig;
import io.policygateway.plugins.mcp.config.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owns the background side of the MCP servers: one scheduler thread that times connection
 * attempts, reconnection backoff and periodic health pings for every {@link ServerConnection}.
 */
public final class Supervisor implements AutoCloseable {
    private final List<ServerConnection> connections;
    private final ScheduledExecutorService scheduler;

    private Supervisor(List<ServerConnection> connections, ScheduledExecutorService scheduler) {
        this.connections = List.copyOf(connections);
        this.scheduler = scheduler;
    }

    /**
     * Creates a connection per server, starts them all and waits up to {@code startup_wait} for
     * their first attempts to end. The SDK gets a mapper of its own, so the gateway's shared
     * mapper is never reconfigured.
     */
    public static Supervisor start(McpConfig config, PluginContext context) {
        requireNonNull(config, "config is null");
        requireNonNull(context, "context is null");
        LoopSettings settings = config.settings();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("mcp-supervisor").factory());
        SessionOpener opener = new SessionOpener(json, context.systemVersion(), context::env);
        ResultText resultText = new ResultText(settings.maxResultChars());
        List<ServerConnection> connections = new ArrayList<>();
        for (ServerConfig server : config.servers()) {
            connections.add(new ServerConnection(server, opener, scheduler, json, resultText,
                    settings.reconnectInitialDelay(), settings.reconnectMaxDelay()));
        }
        Supervisor supervisor = new Supervisor(connections, scheduler);
        connections.forEach(ServerConnection::start);
        supervisor.awaitFirstAttempts(settings.startupWait());
        long interval = settings.healthCheckInterval().toMillis();
        scheduler.scheduleWithFixedDelay(supervisor::checkHealth, interval, interval, TimeUnit.MILLISECONDS);
        return supervisor;
    }

    public List<ServerConnection> connections() {
        return connections;
    }

    private void awaitFirstAttempts(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (ServerConnection connection : connections) {
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                connection.awaitFirstAttempt(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkHealth() {
        connections.forEach(ServerConnection::checkHealth);
    }

    /** Stops the scheduler; connections are closed by their owner first. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
