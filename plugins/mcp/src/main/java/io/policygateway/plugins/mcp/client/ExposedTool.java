package io.policygateway.plugins.mcp.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One MCP tool as offered to the model.
 *
 * @param name the namespaced name the model calls it by
 * @param mcpName the tool's name on its server
 * @param definition the OpenAI tool definition ({@code {type: function, function: {name, description, parameters}}});
 *     shared, callers copy it before handing it out
 */
public record ExposedTool(String name, String mcpName, ObjectNode definition) {

    public ExposedTool {
        requireNonNull(name, "name is null");
        requireNonNull(mcpName, "mcpName is null");
        requireNonNull(definition, "definition is null");
    }
}
