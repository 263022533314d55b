package io.policygateway.plugins.ratelimit;

import io.policygateway.api.PluginConfig;

/** What happens when a caller is over the limit ({@code action}). */
enum LimitAction {
    /** Refuse with 429, {@code Retry-After} and {@code x-ratelimit-*} headers (the default). */
    BLOCK("block"),
    /** Let the request through and report a {@code warn} decision. */
    WARN("warn"),
    /** Let the request through and report a {@code log-only} decision. */
    LOG_ONLY("log-only");

    private final String configName;

    LimitAction(String configName) {
        this.configName = configName;
    }

    String configName() {
        return configName;
    }

    static LimitAction from(PluginConfig config, String key) {
        String name = config.string(key, BLOCK.configName);
        for (LimitAction action : values()) {
            if (action.configName.equals(name)) {
                return action;
            }
        }
        throw config.error(key, "unknown action '" + name + "' (expected block, warn or log-only)");
    }
}
