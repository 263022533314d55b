package io.policygateway.plugins.mcp.client;

/** How a tool call ended; the label value of metrics and the {@code outcome} of policy events. */
public enum CallOutcome {
    /** The tool ran and returned a result. */
    OK("ok"),
    /** The tool ran and reported an error ({@code isError}), or the server answered with a JSON-RPC error. */
    ERROR("error"),
    /** The server did not answer within the call timeout. */
    TIMEOUT("timeout"),
    /** The model's arguments were not a JSON object. */
    INVALID_ARGUMENTS("invalid_arguments"),
    /** The caller's project or key may not use the tool. */
    DENIED("denied"),
    /** The tool's server is down or failed during the call. */
    UNAVAILABLE("unavailable"),
    /** No tool of that name is exposed (any more). */
    UNKNOWN_TOOL("unknown_tool");

    private final String label;

    CallOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean failed() {
        return this != OK;
    }
}
