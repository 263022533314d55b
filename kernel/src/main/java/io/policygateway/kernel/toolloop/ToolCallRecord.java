package io.policygateway.kernel.toolloop;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One tool call the gateway ran for a request, for the summary the caller receives.
 *
 * @param tool the tool's name as the model called it
 * @param error whether the call failed (the model read an error result)
 * @param millis how long it took
 */
public record ToolCallRecord(String tool, boolean error, long millis) {
    private static final int MAX_LISTED = 32;

    public ToolCallRecord {
        requireNonNull(tool, "tool is null");
    }

    /** The {@code x-gateway-tool-calls} header value: {@code a__x=ok, b__y=error}, at most 32 entries. */
    static String header(List<ToolCallRecord> calls) {
        String listed = calls.stream().limit(MAX_LISTED).map(call -> call.tool() + "=" + (call.error() ? "error" : "ok"))
                .collect(Collectors.joining(", "));
        return calls.size() > MAX_LISTED ? listed + ", +" + (calls.size() - MAX_LISTED) + " more" : listed;
    }
}
