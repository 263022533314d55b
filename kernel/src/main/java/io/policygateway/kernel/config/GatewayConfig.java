package io.policygateway.kernel.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The whole {@code gateway.yaml}, validated. Sections owned by plugins (e.g. {@code mcp_servers})
 * are kept raw in {@link #extensions()} and validated by their plugin at creation.
 *
 * @param source the file it came from, for messages
 */
public record GatewayConfig(
        String source,
        ServerConfig server,
        UpstreamConfig upstream,
        AuthConfig auth,
        Map<String, ObjectNode> providers,
        ModelsConfig models,
        PluginSystemConfig pluginSystem,
        LoggingConfig logging,
        List<GuardrailEntry> plugins,
        ObjectNode strategy,
        JsonNode routes,
        JsonNode projects,
        JsonNode policies,
        JsonNode jwt,
        JsonNode events,
        JsonNode storage,
        JsonNode health,
        Map<String, JsonNode> extensions) {

    /** Top-level keys the kernel itself owns. */
    public static final List<String> KERNEL_KEYS = List.of("server", "upstream", "auth", "providers", "models",
            "plugin_system", "logging", "plugins", "strategy", "routes", "projects", "policies", "jwt", "events",
            "storage", "health");

    public GatewayConfig {
        server = server == null ? ServerConfig.defaults() : server;
        upstream = upstream == null ? UpstreamConfig.defaults() : upstream;
        auth = auth == null ? AuthConfig.defaults() : auth;
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        models = models == null ? ModelsConfig.defaults() : models;
        pluginSystem = pluginSystem == null ? PluginSystemConfig.defaults() : pluginSystem;
        logging = logging == null ? LoggingConfig.defaults() : logging;
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public GatewayConfig withServer(ServerConfig newServer) {
        return new GatewayConfig(source, newServer, upstream, auth, providers, models, pluginSystem, logging, plugins,
                strategy, routes, projects, policies, jwt, events, storage, health, extensions);
    }
}
