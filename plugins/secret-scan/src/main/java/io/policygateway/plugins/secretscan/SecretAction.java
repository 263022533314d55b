package io.policygateway.plugins.secretscan;

import io.policygateway.api.PluginConfig;
import java.util.Locale;

/** What the guardrail does when it finds a credential (seed 003's {@code guardrail.action}). */
enum SecretAction {
    /** Refuse the request (or end the answer) with reason code {@code SECRET_DETECTED}. */
    BLOCK("block"),
    /** Replace each credential with a typed placeholder such as {@code [GITHUB_TOKEN_1]}. */
    REDACT("redact"),
    /** Let it through unchanged and report a warning. */
    WARN("warn"),
    /** Let it through unchanged and only record the finding. */
    LOG_ONLY("log-only"),
    /** Let it through unchanged; the decision is allow, with the counts in its details. */
    ALLOW("allow");

    private final String configName;

    SecretAction(String configName) {
        this.configName = configName;
    }

    String configName() {
        return configName;
    }

    static SecretAction from(PluginConfig config, String key, SecretAction defaultValue) {
        String value = config.string(key, defaultValue.configName).trim().toLowerCase(Locale.ROOT);
        for (SecretAction action : values()) {
            if (action.configName.equals(value) || action.name().toLowerCase(Locale.ROOT).equals(value)) {
                return action;
            }
        }
        throw config.error(key, "unknown action '" + value + "' (expected block, redact, warn, log-only or allow)");
    }
}
