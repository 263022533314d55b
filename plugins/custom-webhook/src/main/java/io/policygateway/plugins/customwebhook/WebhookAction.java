package io.policygateway.plugins.customwebhook;

import io.policygateway.api.PluginConfig;
import io.policygateway.api.guardrail.Decision;

/**
 * The most the webhook may do ({@code action}): {@code block} (the default) applies its decision as
 * given; {@code warn} turns its blocks into warnings; {@code log-only} records every decision and
 * enforces none, rewrites included (a dry run).
 */
enum WebhookAction {
    BLOCK("block"),
    WARN("warn"),
    LOG_ONLY("log-only");

    private final String configName;

    WebhookAction(String configName) {
        this.configName = configName;
    }

    static WebhookAction from(PluginConfig config) {
        String value = config.string("action", BLOCK.configName);
        for (WebhookAction action : values()) {
            if (action.configName.equals(value)) {
                return action;
            }
        }
        throw config.error("action", "expected block, warn or log-only (the webhook itself decides allow or rewrite), got '"
                + value + "'");
    }

    /** The decision actually applied for what the webhook answered. */
    Decision cap(Decision answered) {
        return switch (this) {
            case BLOCK -> answered;
            case WARN -> answered == Decision.BLOCK ? Decision.WARN : answered;
            case LOG_ONLY -> answered == Decision.ALLOW ? Decision.ALLOW : Decision.LOG_ONLY;
        };
    }
}
