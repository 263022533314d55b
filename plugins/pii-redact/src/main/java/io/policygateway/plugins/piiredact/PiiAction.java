package io.policygateway.plugins.piiredact;

import io.policygateway.api.PluginConfig;
import java.util.Locale;

/** What the guardrail does when it finds personal data (seed 003's {@code guardrail.action}). */
enum PiiAction {
    /** Replace each value with a typed placeholder such as {@code [EMAIL_1]}. */
    REDACT("redact"),
    /** Refuse the request (or end the response) with reason code {@code PII_DETECTED}. */
    BLOCK("block"),
    /** Let it through unchanged and report a warning. */
    WARN("warn"),
    /** Let it through unchanged and only record the finding. */
    LOG_ONLY("log-only"),
    /** Let it through unchanged; the decision is allow, with the counts in its details. */
    ALLOW("allow");

    private final String configName;

    PiiAction(String configName) {
        this.configName = configName;
    }

    String configName() {
        return configName;
    }

    static PiiAction from(PluginConfig config, String key, PiiAction defaultValue) {
        String value = config.string(key, defaultValue.configName).trim().toLowerCase(Locale.ROOT);
        for (PiiAction action : values()) {
            if (action.configName.equals(value) || action.name().toLowerCase(Locale.ROOT).equals(value)) {
                return action;
            }
        }
        throw config.error(key, "unknown action '" + value + "' (expected redact, block, warn, log-only or allow)");
    }
}
