package io.policygateway.plugins.mcp.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything the MCP tool loop is configured by: the {@code mcp_servers} list and the
 * {@code mcp} settings, both top-level keys of {@code gateway.yaml}.
 */
public record McpConfig(List<ServerConfig> servers, LoopSettings settings) {

    public McpConfig {
        servers = List.copyOf(servers);
        requireNonNull(settings, "settings is null");
    }
}
