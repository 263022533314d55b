package io.policygateway.plugins.mcp;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.tool.ToolLoop;
import io.policygateway.api.tool.ToolLoopFactory;
import io.policygateway.plugins.mcp.client.Supervisor;
import io.policygateway.plugins.mcp.config.McpConfig;
import io.policygateway.plugins.mcp.config.McpConfigReader;
import java.util.List;
import org.pf4j.Extension;

/**
 * The MCP tool loop: tools of the servers listed under {@code mcp_servers}, with the loop settings
 * and access lists of {@code mcp}.
 *
 * <p>The kernel passes both top-level keys in one section at path {@code ""}:
 * {@code {"mcp_servers": [...], "mcp": {...}}} ({@code mcp} may be absent; see
 * {@link ToolLoopFactory#settingsKeys()}). {@link #create} validates
 * the whole config, starts connecting to every server in the background and waits up to
 * {@code mcp.startup_wait} for the first attempts, so healthy servers' tools are there when the
 * gateway starts serving; servers still down are retried in the background.
 */
@Extension
public final class McpToolLoopFactory implements ToolLoopFactory {
    public static final String ID = "mcp";
    public static final String CONFIG_KEY = "mcp_servers";
    public static final String SETTINGS_KEY = "mcp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String configKey() {
        return CONFIG_KEY;
    }

    @Override
    public List<String> settingsKeys() {
        return List.of(SETTINGS_KEY);
    }

    /** @throws io.policygateway.api.ConfigException when the config is invalid, naming the key */
    @Override
    public ToolLoop create(PluginConfig config, PluginContext context) {
        requireNonNull(config, "config is null");
        requireNonNull(context, "context is null");
        McpConfig mcp = new McpConfigReader(context.home()).read(config);
        ToolCallRecorder recorder = new ToolCallRecorder(context);
        Supervisor supervisor = Supervisor.start(mcp, context);
        return new McpToolLoop(supervisor.connections(), mcp.settings(), recorder, context.json(), supervisor::close);
    }
}
