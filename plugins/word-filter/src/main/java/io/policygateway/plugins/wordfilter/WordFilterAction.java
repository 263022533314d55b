package io.policygateway.plugins.wordfilter;

import io.policygateway.api.PluginConfig;
import java.util.Locale;

/** What the guardrail does when it finds a banned term. */
enum WordFilterAction {
    /** Refuse the request (or end the answer) with reason code {@code BANNED_WORD}. */
    BLOCK("block"),
    /** Replace each banned term with the configured replacement. */
    REDACT("redact"),
    /** Let it through unchanged and report a warning. */
    WARN("warn"),
    /** Let it through unchanged and only record the finding. */
    LOG_ONLY("log-only"),
    /** Let it through unchanged; the decision is allow, with the count in its details. */
    ALLOW("allow");

    private final String configName;

    WordFilterAction(String configName) {
        this.configName = configName;
    }

    static WordFilterAction from(PluginConfig config, String key, WordFilterAction defaultValue) {
        String value = config.string(key, defaultValue.configName).trim().toLowerCase(Locale.ROOT);
        for (WordFilterAction action : values()) {
            if (action.configName.equals(value) || action.name().toLowerCase(Locale.ROOT).equals(value)) {
                return action;
            }
        }
        throw config.error(key, "unknown action '" + value + "' (expected block, redact, warn, log-only or allow)");
    }
}
