package io.policygateway.plugins.regexguard;

import io.policygateway.api.PluginConfig;
import java.util.Locale;

/**
 * What the guardrail does when a pattern matches. Declared from most to least severe: when
 * patterns with different actions match, the most severe decides the verdict.
 */
enum RegexAction {
    /** Refuse the request (or end the answer) with reason code {@code REGEX_MATCH}. */
    BLOCK("block"),
    /** Replace each pattern match with the configured replacement. */
    REDACT("redact"),
    /** Let it through unchanged and report a warning. */
    WARN("warn"),
    /** Let it through unchanged and only record the finding. */
    LOG_ONLY("log-only"),
    /** Let it through unchanged; the decision is allow, with the counts in its details. */
    ALLOW("allow");

    private final String configName;

    RegexAction(String configName) {
        this.configName = configName;
    }

    static RegexAction from(PluginConfig config, String key, RegexAction defaultValue) {
        String value = config.string(key, defaultValue.configName).trim().toLowerCase(Locale.ROOT);
        for (RegexAction action : values()) {
            if (action.configName.equals(value) || action.name().toLowerCase(Locale.ROOT).equals(value)) {
                return action;
            }
        }
        throw config.error(key, "unknown action '" + value + "' (expected block, redact, warn, log-only or allow)");
    }
}
