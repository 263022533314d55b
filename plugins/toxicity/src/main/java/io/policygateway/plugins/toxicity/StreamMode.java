package io.policygateway.plugins.toxicity;

import io.policygateway.api.PluginConfig;

/** How a streamed response is checked ({@code stream} key). */
enum StreamMode {
    /** Hold back the sentence being written; check and release each completed sentence (the default). */
    WINDOW("window"),
    /** Hold back the whole response and check it once at the end. */
    BUFFER("buffer"),
    /** Release text at once and check the whole response at the end (a block then ends the stream). */
    PASS_THROUGH("pass-through");

    private final String configName;

    StreamMode(String configName) {
        this.configName = configName;
    }

    static StreamMode from(PluginConfig config) {
        String value = config.string("stream", WINDOW.configName);
        for (StreamMode mode : values()) {
            if (mode.configName.equals(value)) {
                return mode;
            }
        }
        throw config.error("stream", "expected window, buffer or pass-through, got '" + value + "'");
    }
}
