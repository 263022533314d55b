package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.PolicyContext;

/**
 * What a rule sees before the upstream call.
 *
 * @param context who is asking
 * @param model the requested model (aliases resolved)
 * @param body the canonical request so far (after earlier rewrites); read-only
 * @param estimatedInputTokens about four characters per token of the prompt
 * @param maxOutputTokens the request's output limit, or a default estimate
 * @param provider the provider expected to serve the request (for pricing), empty when unknown
 */
public record RuleInput(PolicyContext context, String model, ObjectNode body, long estimatedInputTokens, long maxOutputTokens,
        String provider) {
    public RuleInput {
        requireNonNull(context, "context is null");
        requireNonNull(model, "model is null");
        requireNonNull(body, "body is null");
        requireNonNull(provider, "provider is null");
    }

    /** The counter key a rule's scope implies, e.g. {@code project:support-bot}. */
    public String scopeKey(PolicyRule.Scope scope) {
        return switch (scope) {
            case GLOBAL -> "global";
            case TENANT -> "project:" + context.project().orElse("-");
            case TEAM -> "team:" + (context.roles().isEmpty() ? "-" : context.roles().get(0));
            case ROUTE -> "route:" + context.route();
            case VIRTUAL_KEY -> "key:" + context.keyName().orElse("-");
            case USER -> "user:" + context.user().orElse("-");
        };
    }
}
