package io.policygateway.api.tool;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Creates the tool loop: a source of tools the gateway injects into chat requests and executes
 * itself when the model calls them (e.g. tools of configured MCP servers). Created at start when
 * the top-level key {@link #configKey()} is present in {@code gateway.yaml}.
 *
 * <p>The config passed to {@link #create} is one mapping at path {@code ""} holding the top-level
 * keys {@link #configKey()} and each of {@link #settingsKeys()} that is present, with their values
 * as written (e.g. {@code {"mcp_servers": [...], "mcp": {...}}}), so the key's value may be a list
 * and errors name keys exactly as the user wrote them.
 */
public interface ToolLoopFactory extends ExtensionPoint {

    String id();

    /** The top-level config key this loop is configured by, e.g. {@code mcp_servers}. */
    String configKey();

    /**
     * Further top-level keys the loop reads besides {@link #configKey()}, e.g. {@code mcp} for
     * loop settings. The kernel accepts them in {@code gateway.yaml} and passes them to {@link #create}.
     */
    default List<String> settingsKeys() {
        return List.of();
    }

    ToolLoop create(PluginConfig config, PluginContext context);
}
