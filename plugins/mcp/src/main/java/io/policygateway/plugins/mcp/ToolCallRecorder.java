package io.policygateway.plugins.mcp;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.Metrics;
import io.policygateway.api.PluginContext;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.event.PolicyEvent;
import io.policygateway.plugins.mcp.client.CallOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records every tool call: a {@code tool_call} policy event (tool, server, duration, outcome —
 * never arguments or results) and the metrics {@code mcp_tool_calls_total{server,tool,outcome}}
 * and {@code mcp_tool_call_duration_seconds{server,tool}}.
 */
final class ToolCallRecorder {
    static final String EVENT_TYPE = "tool_call";
    static final String REASON_CALLED = "MCP_TOOL_CALL";
    static final String REASON_NOT_ALLOWED = "MCP_TOOL_NOT_ALLOWED";
    private static final double[] DURATION_BUCKETS = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private final PluginContext context;
    private final Metrics.Counter calls;
    private final Metrics.Histogram durations;

    ToolCallRecorder(PluginContext context) {
        this.context = requireNonNull(context, "context is null");
        this.calls = context.metrics().counter("mcp_tool_calls_total", "MCP tool calls run by the gateway, by outcome.",
                "server", "tool", "outcome");
        this.durations = context.metrics().histogram("mcp_tool_call_duration_seconds",
                "How long MCP tool calls took, in seconds.", DURATION_BUCKETS, "server", "tool");
    }

    /**
     * @param tool the namespaced tool name, or {@code unknown} for names no server exposes (keeps labels bounded)
     * @param denyingRule the access rule that refused the call, when the outcome is {@link CallOutcome#DENIED}
     */
    void record(PolicyContext request, String tool, String server, CallOutcome outcome, long millis,
            Optional<String> denyingRule) {
        calls.inc(server, tool, outcome.label());
        durations.observe(millis / 1000.0, server, tool);
        boolean denied = outcome == CallOutcome.DENIED;
        context.emit(new PolicyEvent(context.clock().instant(), EVENT_TYPE, request.policyId().orElse("none"),
                denied ? "block" : "allow", denied ? REASON_NOT_ALLOWED : REASON_CALLED, request.user(),
                request.project(), request.target(), request.traceId(), denyingRule.map(List::of).orElse(List.of()),
                Map.of("tool", tool, "server", server, "duration_ms", millis, "outcome", outcome.label())));
    }
}
