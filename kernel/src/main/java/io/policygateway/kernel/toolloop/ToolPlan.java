package io.policygateway.kernel.toolloop;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;
import io.policygateway.api.tool.ToolLoop;
import java.util.List;
import java.util.Set;

/**
 * How the tool loop will run one chat request.
 *
 * @param body the upstream request with the gateway's tools added after the caller's own
 * @param callerTools names of the caller's own tools: calls to them go back to the caller
 * @param loops the loops that offered tools to this caller
 * @param maxTurns the most model turns (the smallest {@code maxIterations} of the loops)
 * @param lastAnswerOnLimit whether reaching {@code maxTurns} returns the last answer instead of an error
 * @param context the caller, for tool access checks and events
 */
public record ToolPlan(ObjectNode body, Set<String> callerTools, List<ToolLoop> loops, int maxTurns,
        boolean lastAnswerOnLimit, PolicyContext context) {

    public ToolPlan {
        requireNonNull(body, "body is null");
        callerTools = Set.copyOf(callerTools);
        loops = List.copyOf(loops);
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be at least 1");
        }
        requireNonNull(context, "context is null");
    }

    /** The loop that runs a tool, or null when the tool is the caller's or nobody's. */
    ToolLoop owner(String toolName) {
        if (callerTools.contains(toolName)) {
            return null;
        }
        for (ToolLoop loop : loops) {
            if (loop.owns(toolName)) {
                return loop;
            }
        }
        return null;
    }
}
