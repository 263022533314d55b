package io.policygateway.plugins.mcp;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PolicyContext;
import io.policygateway.plugins.mcp.config.ToolFilter;
import java.util.Map;
import java.util.Optional;

/**
 * Which callers may use which MCP tools: the {@code mcp.projects} and {@code mcp.keys} lists.
 * A caller whose project (or key) has an entry may use only the tools that entry permits; a
 * caller without entries may use every exposed tool.
 */
final class ToolAccess {
    private final Map<String, ToolFilter> projects;
    private final Map<String, ToolFilter> keys;

    ToolAccess(Map<String, ToolFilter> projects, Map<String, ToolFilter> keys) {
        this.projects = Map.copyOf(projects);
        this.keys = Map.copyOf(keys);
    }

    /**
     * The rule that keeps this caller from a tool, e.g. {@code mcp.projects.support-bot}, or
     * empty when the caller may use it.
     */
    Optional<String> denyingRule(PolicyContext context, String toolName) {
        requireNonNull(context, "context is null");
        requireNonNull(toolName, "toolName is null");
        Optional<String> project = context.project().filter(name -> !permits(projects.get(name), toolName));
        if (project.isPresent()) {
            return Optional.of("mcp.projects." + project.get());
        }
        return context.keyName().filter(name -> !permits(keys.get(name), toolName)).map(name -> "mcp.keys." + name);
    }

    boolean permits(PolicyContext context, String toolName) {
        return denyingRule(context, toolName).isEmpty();
    }

    private static boolean permits(ToolFilter filter, String toolName) {
        return filter == null || filter.permits(toolName);
    }
}
