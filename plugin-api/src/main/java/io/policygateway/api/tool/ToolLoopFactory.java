package io.policygateway.api.tool;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Creates the tool loop: a source of tools the gateway injects into chat requests and executes
 * itself when the model calls them (e.g. tools of configured MCP servers). Created at start from
 * the config section the factory's {@link #configKey()} names, when present.
 */
public interface ToolLoopFactory extends ExtensionPoint {

    String id();

    /** The top-level config key this loop is configured by, e.g. {@code mcp_servers}. */
    String configKey();

    ToolLoop create(PluginConfig config, PluginContext context);
}
