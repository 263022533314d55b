package io.policygateway.kernel.toolloop;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PluginConfig;
import io.policygateway.api.PluginContext;
import io.policygateway.api.tool.ToolLoop;
import io.policygateway.api.tool.ToolLoopFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tool loops configured in {@code gateway.yaml} (e.g. MCP servers), created at start from the
 * plugin factories whose {@link ToolLoopFactory#configKey()} is present. Each factory receives one
 * section at path {@code ""} holding its config key and those of its
 * {@link ToolLoopFactory#settingsKeys()} that are present, with their values as written.
 */
public final class ToolLoops implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ToolLoops.class);

    /** A created loop and the id of the factory that made it. */
    public record Named(String id, ToolLoop loop) {
        public Named {
            requireNonNull(id, "id is null");
            requireNonNull(loop, "loop is null");
        }
    }

    private final List<Named> loops;

    private ToolLoops(List<Named> loops) {
        this.loops = List.copyOf(loops);
    }

    public static ToolLoops none() {
        return new ToolLoops(List.of());
    }

    /**
     * Creates a loop per factory whose config key is present.
     *
     * @param extensions the top-level sections kept raw for plugins ({@code GatewayConfig.extensions()})
     * @throws io.policygateway.api.ConfigException when a loop refuses its config
     */
    public static ToolLoops create(List<ToolLoopFactory> factories, Map<String, JsonNode> extensions, String source,
            PluginContext context) {
        List<Named> created = new ArrayList<>();
        try {
            for (ToolLoopFactory factory : factories) {
                JsonNode value = extensions.get(factory.configKey());
                if (value == null || value.isNull()) {
                    factory.settingsKeys().stream().filter(extensions::containsKey).forEach(key -> log.warn(
                            "'{}' in {} has no effect without '{}'", key, source, factory.configKey()));
                    continue;
                }
                ObjectNode section = JsonNodeFactory.instance.objectNode();
                section.set(factory.configKey(), value);
                for (String key : factory.settingsKeys()) {
                    JsonNode settings = extensions.get(key);
                    if (settings != null && !settings.isNull()) {
                        section.set(key, settings);
                    }
                }
                created.add(new Named(factory.id(), factory.create(new PluginConfig(source, "", section), context)));
                log.info("Tool loop '{}' configured by '{}'", factory.id(), factory.configKey());
            }
        } catch (RuntimeException e) {
            created.forEach(named -> closeQuietly(named.loop()));
            throw e;
        }
        return new ToolLoops(created);
    }

    public List<Named> loops() {
        return loops;
    }

    public boolean isEmpty() {
        return loops.isEmpty();
    }

    /** Each loop's backends and their state, for {@code GET /health}: loop id → backend → {@code up}, {@code down: …}. */
    public Map<String, Map<String, String>> health() {
        Map<String, Map<String, String>> health = new LinkedHashMap<>();
        for (Named named : loops) {
            try {
                health.put(named.id(), Map.copyOf(named.loop().health()));
            } catch (RuntimeException e) {
                health.put(named.id(), Map.of("(loop)", "down: health check failed: " + e.getClass().getSimpleName()));
            }
        }
        return health;
    }

    @Override
    public void close() {
        loops.forEach(named -> closeQuietly(named.loop()));
    }

    private static void closeQuietly(ToolLoop loop) {
        try {
            loop.close();
        } catch (RuntimeException e) {
            log.warn("Closing a tool loop failed: {}", e.toString());
        }
    }
}
