package io.policygateway.plugins.mcp.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema;
import io.policygateway.plugins.mcp.config.ToolFilter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools one server exposes, after its allow/deny filter, by namespaced name. Immutable; a
 * server's catalog is replaced whole when it announces that its tools changed.
 */
public final class ToolCatalog {
    public static final ToolCatalog EMPTY = new ToolCatalog(Map.of());

    private final Map<String, ExposedTool> byName;
    private final List<ExposedTool> tools;

    private ToolCatalog(Map<String, ExposedTool> byName) {
        this.byName = Map.copyOf(byName);
        this.tools = byName.values().stream().sorted(Comparator.comparing(ExposedTool::name)).toList();
    }

    /**
     * Builds the catalog of a server's tools. Tools are ordered by MCP name so that namespaced
     * names stay the same from one listing to the next even when two sanitise alike.
     */
    public static ToolCatalog of(String server, List<McpSchema.Tool> tools, ToolFilter filter, ObjectMapper json) {
        requireNonNull(server, "server is null");
        requireNonNull(filter, "filter is null");
        Map<String, ExposedTool> byName = new LinkedHashMap<>();
        tools.stream()
                .filter(tool -> tool.name() != null && filter.permits(tool.name()))
                .sorted(Comparator.comparing(McpSchema.Tool::name))
                .forEach(tool -> {
                    String name = ToolNames.namespaced(server, tool.name());
                    if (byName.containsKey(name)) {
                        name = ToolNames.withHash(server, tool.name());
                    }
                    byName.putIfAbsent(name, new ExposedTool(name, tool.name(), definition(name, tool, json)));
                });
        return new ToolCatalog(byName);
    }

    /** The tools, by namespaced name. */
    public List<ExposedTool> tools() {
        return tools;
    }

    public Optional<ExposedTool> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static ObjectNode definition(String name, McpSchema.Tool tool, ObjectMapper json) {
        ObjectNode definition = json.createObjectNode().put("type", "function");
        ObjectNode function = definition.putObject("function").put("name", name);
        String description = tool.description() != null ? tool.description() : tool.title();
        if (description != null && !description.isBlank()) {
            function.put("description", description);
        }
        function.set("parameters", parameters(tool.inputSchema(), json));
        return definition;
    }

    /** The MCP input schema as is; an absent or type-less schema becomes an object schema. */
    private static ObjectNode parameters(Map<String, Object> inputSchema, ObjectMapper json) {
        JsonNode schema = inputSchema == null ? null : json.valueToTree(inputSchema);
        ObjectNode parameters = schema instanceof ObjectNode object ? object : json.createObjectNode();
        if (!parameters.has("type")) {
            parameters.put("type", "object");
        }
        if (parameters.path("type").asText().equals("object") && !parameters.has("properties")) {
            parameters.putObject("properties");
        }
        return parameters;
    }
}
