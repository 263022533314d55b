package io.policygateway.api.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;
import java.util.List;
import java.util.Map;

/**
 * Tools executed by the gateway. The kernel adds {@link #tools} to a chat request's
 * {@code tools}; when the model answers with calls to tools this loop {@link #owns}, the kernel
 * calls {@link #call} for each, appends the results as {@code tool} messages and asks the model
 * again, up to {@link #maxIterations()} turns. Thread-safe; {@link #call} may block.
 */
public interface ToolLoop extends AutoCloseable {

    /** OpenAI-format tool definitions ({@code {type: function, function: {...}}}) this caller may use. */
    List<ObjectNode> tools(PolicyContext context);

    /** Whether a tool name (as injected) belongs to this loop. */
    boolean owns(String toolName);

    /**
     * Executes one tool call. Tool failures and timeouts are returned as an error result the
     * model can read, never thrown.
     *
     * @param argumentsJson the model's arguments, a JSON object text (may be malformed)
     */
    ToolResult call(String toolName, String argumentsJson, PolicyContext context);

    /** The most model turns one request may take. */
    int maxIterations();

    /** Whether reaching {@link #maxIterations()} returns the last answer (true) or an error (false). */
    default boolean returnLastAnswerOnMaxIterations() {
        return false;
    }

    /** Status of the loop's backends for {@code GET /health}, e.g. server name → {@code up}. */
    default Map<String, String> health() {
        return Map.of();
    }

    @Override
    default void close() {
    }

    /**
     * @param content the text the model sees as the tool's result
     * @param error whether the call failed
     * @param server which backend served it, for events and metrics
     * @param millis how long it took
     */
    record ToolResult(String content, boolean error, String server, long millis) {
    }
}
