package io.policygateway.api.guardrail;

/** The points in a request's life where a guardrail can run (seed names in brackets). */
public enum Hook {
    /** Before the request goes upstream ({@code before_request}). */
    BEFORE_REQUEST("before_request"),
    /** After a whole response came back, before the caller sees it ({@code after_request}). */
    AFTER_REQUEST("after_request"),
    /** On each text delta of a streamed response, before the caller sees it. */
    STREAM_CHUNK("stream_chunk"),
    /** When the request failed ({@code on_error}). */
    ON_ERROR("on_error");

    private final String configName;

    Hook(String configName) {
        this.configName = configName;
    }

    /** The name used in config files. */
    public String configName() {
        return configName;
    }

    public static Hook fromConfigName(String name) {
        for (Hook hook : values()) {
            if (hook.configName.equals(name)) {
                return hook;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + name + "' (expected before_request, after_request, stream_chunk or on_error)");
    }
}
