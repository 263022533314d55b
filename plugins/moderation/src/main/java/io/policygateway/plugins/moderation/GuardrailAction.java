package io.policygateway.plugins.moderation;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.Decision;
import io.policygateway.api.guardrail.Verdict;
import java.util.Map;
import java.util.Optional;

/**
 * What the guardrail does when it detects something: {@code block} (the default), {@code warn},
 * {@code log-only}, or {@code allow} (record the finding in the decision and let it pass).
 */
enum GuardrailAction {
    BLOCK("block", Decision.BLOCK),
    WARN("warn", Decision.WARN),
    LOG_ONLY("log-only", Decision.LOG_ONLY),
    ALLOW("allow", Decision.ALLOW);

    private final String configName;
    private final Decision decision;

    GuardrailAction(String configName, Decision decision) {
        this.configName = configName;
        this.decision = decision;
    }

    String configName() {
        return configName;
    }

    /** Reads {@code action}; {@code redact} and unknown values are refused naming the key. */
    static GuardrailAction from(PluginConfig config, String pluginId) {
        String value = config.string("action", BLOCK.configName);
        for (GuardrailAction action : values()) {
            if (action.configName.equals(value)) {
                return action;
            }
        }
        if (value.equals("redact")) {
            throw config.error("action", pluginId + " cannot redact; use block, warn, log-only or allow");
        }
        throw config.error("action", "expected block, warn, log-only or allow, got '" + value + "'");
    }

    /** The verdict for a detection. */
    Verdict verdict(String reasonCode, String message, Map<String, Object> details) {
        return new Verdict(decision, reasonCode, message, Optional.empty(), Optional.empty(), details);
    }
}
