package io.policygateway.plugins.mcp.client;

import static java.util.Objects.requireNonNull;

/**
 * @param outcome how the call ended
 * @param text what the model reads: the tool's result, or a one-line explanation of the failure
 */
public record CallResult(CallOutcome outcome, String text) {

    public CallResult {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(text, "text is null");
    }
}
