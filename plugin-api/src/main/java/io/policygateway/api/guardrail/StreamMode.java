package io.policygateway.api.guardrail;

import io.policygateway.api.PluginConfig;
import java.util.Locale;

/**
 * How a text guardrail handles a streamed answer, for guardrails that offer the choice (config key
 * {@code streamMode} by convention).
 */
public enum StreamMode {
    /** Hold back a sliding window, release what can no longer be part of a finding (default). */
    WINDOW("window"),
    /** Hold the whole answer (up to a limit), scan it once, then release it: most precise, slowest to first token. */
    BUFFER("buffer"),
    /** Release every delta at once and only record findings at the end: no added latency, no redaction or block. */
    PASS_THROUGH("pass-through");

    private final String configName;

    StreamMode(String configName) {
        this.configName = configName;
    }

    /** The name in config files: {@code window}, {@code buffer} or {@code pass-through}. */
    public String configName() {
        return configName;
    }

    /** Reads the mode at {@code key}, refusing unknown names with the key's path. */
    public static StreamMode from(PluginConfig config, String key, StreamMode defaultValue) {
        String value = config.string(key, defaultValue.configName).trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (StreamMode mode : values()) {
            if (mode.configName.equals(value)) {
                return mode;
            }
        }
        throw config.error(key, "unknown stream mode '" + value + "' (expected window, buffer or pass-through)");
    }
}
