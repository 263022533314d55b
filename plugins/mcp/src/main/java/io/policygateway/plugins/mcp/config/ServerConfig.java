package io.policygateway.plugins.mcp.config;

import static java.util.Objects.requireNonNull;

/**
 * One entry of {@code mcp_servers}.
 *
 * @param name the server's name, the prefix of its tools' names ({@code <name>__<tool>})
 * @param transport how to reach it
 * @param tools which of its tools (by their MCP names) are exposed
 * @param timeouts connect and call timeouts
 */
public record ServerConfig(String name, TransportConfig transport, ToolFilter tools, Timeouts timeouts) {

    public ServerConfig {
        requireNonNull(name, "name is null");
        requireNonNull(transport, "transport is null");
        requireNonNull(tools, "tools is null");
        requireNonNull(timeouts, "timeouts is null");
    }
}
