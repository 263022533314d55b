package io.policygateway.plugins.mcp.client;

import static java.util.Objects.requireNonNull;

import io.modelcontextprotocol.client.McpAsyncClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One initialized MCP session with a server and the catalog of tools it currently exposes. The
 * catalog is replaced when the server sends {@code notifications/tools/list_changed}.
 */
final class Session {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final AtomicReference<McpAsyncClient> client = new AtomicReference<>();
    private final AtomicReference<ToolCatalog> catalog = new AtomicReference<>(ToolCatalog.EMPTY);

    McpAsyncClient client() {
        McpAsyncClient current = client.get();
        if (current == null) {
            throw new IllegalStateException("session is not open");
        }
        return current;
    }

    void open(McpAsyncClient opened) {
        requireNonNull(opened, "opened is null");
        if (!client.compareAndSet(null, opened)) {
            throw new IllegalStateException("session is already open");
        }
    }

    ToolCatalog catalog() {
        return catalog.get();
    }

    void replaceCatalog(ToolCatalog replacement) {
        catalog.set(requireNonNull(replacement, "replacement is null"));
    }

    /** Drops a session that never opened: stops its transport without waiting for the server. */
    void abort() {
        McpAsyncClient current = client.getAndSet(null);
        if (current != null) {
            current.close();
        }
    }

    /** Ends the session and stops its transport (and the server's process, for stdio). */
    void close() {
        McpAsyncClient current = client.getAndSet(null);
        if (current != null) {
            try {
                current.closeGracefully().block(CLOSE_WAIT);
            } catch (RuntimeException e) {
                current.close();
            }
        }
    }
}
