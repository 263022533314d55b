package io.policygateway.plugins.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.tool.ToolLoop;
import io.policygateway.plugins.mcp.client.CallOutcome;
import io.policygateway.plugins.mcp.client.CallResult;
import io.policygateway.plugins.mcp.client.ExposedTool;
import io.policygateway.plugins.mcp.client.ServerConnection;
import io.policygateway.plugins.mcp.client.ToolNames;
import io.policygateway.plugins.mcp.config.LoopSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools of the configured MCP servers, as the gateway's tool loop uses them. Thread-safe:
 * {@link #tools} and {@link #call} run on request threads while connections change in the background.
 */
final class McpToolLoop implements ToolLoop {
    private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {
    };

    private final Map<String, ServerConnection> connections;
    private final LoopSettings settings;
    private final ToolAccess access;
    private final ToolCallRecorder recorder;
    private final ObjectMapper json;
    private final Runnable shutdown;

    /** @param shutdown stops the background work shared by the connections, after they are closed */
    McpToolLoop(List<ServerConnection> connections, LoopSettings settings, ToolCallRecorder recorder, ObjectMapper json,
            Runnable shutdown) {
        Map<String, ServerConnection> byName = new LinkedHashMap<>();
        connections.forEach(connection -> byName.put(connection.name(), connection));
        this.connections = Collections.unmodifiableMap(byName);
        this.settings = requireNonNull(settings, "settings is null");
        this.access = new ToolAccess(settings.projects(), settings.keys());
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.json = requireNonNull(json, "json is null");
        this.shutdown = requireNonNull(shutdown, "shutdown is null");
    }

    @Override
    public List<ObjectNode> tools(PolicyContext context) {
        requireNonNull(context, "context is null");
        List<ObjectNode> tools = new ArrayList<>();
        for (ServerConnection connection : connections.values()) {
            for (ExposedTool tool : connection.tools()) {
                if (access.permits(context, tool.name())) {
                    tools.add(tool.definition().deepCopy());
                }
            }
        }
        return tools;
    }

    /** Every name with a configured server's prefix, even of tools the caller may not use: those calls are refused here. */
    @Override
    public boolean owns(String toolName) {
        return toolName != null && ToolNames.serverOf(toolName).filter(connections::containsKey).isPresent();
    }

    @Override
    public ToolResult call(String toolName, String argumentsJson, PolicyContext context) {
        requireNonNull(toolName, "toolName is null");
        requireNonNull(context, "context is null");
        long started = System.nanoTime();
        Optional<ServerConnection> connection = ToolNames.serverOf(toolName).map(connections::get);
        if (connection.isEmpty()) {
            return finish(context, "unknown", "unknown", started, Optional.empty(),
                    new CallResult(CallOutcome.UNKNOWN_TOOL, "error: no MCP server provides a tool named '" + toolName + "'"));
        }
        String server = connection.get().name();
        boolean exposed = connection.get().tools().stream().anyMatch(tool -> tool.name().equals(toolName));
        String toolLabel = exposed ? toolName : "unknown";
        Optional<String> denyingRule = access.denyingRule(context, toolName);
        if (denyingRule.isPresent()) {
            return finish(context, toolLabel, server, started, denyingRule, new CallResult(CallOutcome.DENIED,
                    "error: the tool '" + toolName + "' is not allowed for this caller by the gateway's policy"));
        }
        Optional<Map<String, Object>> arguments = parseArguments(argumentsJson);
        if (arguments.isEmpty()) {
            return finish(context, toolLabel, server, started, Optional.empty(), new CallResult(CallOutcome.INVALID_ARGUMENTS,
                    "error: the arguments for '" + toolName + "' are not a JSON object; call the tool again with a JSON object"));
        }
        return finish(context, toolLabel, server, started, Optional.empty(), connection.get().call(toolName, arguments.get()));
    }

    private ToolResult finish(PolicyContext context, String toolLabel, String server, long started,
            Optional<String> denyingRule, CallResult result) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        recorder.record(context, toolLabel, server, result.outcome(), millis, denyingRule);
        return new ToolResult(result.text(), result.outcome().failed(), server, millis);
    }

    /** The arguments as a map, an absent or blank text meaning no arguments; empty when not a JSON object. */
    private Optional<Map<String, Object>> parseArguments(String argumentsJson) {
        if (argumentsJson == null || argumentsJson.isBlank()) {
            return Optional.of(Map.of());
        }
        try {
            JsonNode parsed = json.readTree(argumentsJson);
            return parsed != null && parsed.isObject() ? Optional.of(json.convertValue(parsed, ARGUMENTS)) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @Override
    public int maxIterations() {
        return settings.maxIterations();
    }

    @Override
    public boolean returnLastAnswerOnMaxIterations() {
        return settings.lastAnswerOnMaxIterations();
    }

    @Override
    public Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        connections.values().forEach(connection -> health.put(connection.name(), connection.health()));
        return health;
    }

    /** Stops every server's session (and process) and all reconnection attempts. */
    @Override
    public void close() {
        List<Thread> closing = new ArrayList<>();
        connections.values().forEach(connection -> closing.add(Thread.ofVirtual().start(connection::close)));
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        shutdown.run();
    }
}
