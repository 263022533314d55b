package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.guardrail.Decision;
import java.util.Map;

/**
 * What one rule (a policy rule, or a guardrail from the {@code plugins:} list) decided for a request.
 *
 * @param ruleId the rule's {@code policyId}, or the guardrail's name for {@code plugins:} entries
 * @param policyId the policy the rule belongs to, or {@code plugins}
 * @param decision what it decided
 * @param reasonCode the stable reason code
 * @param message a caller-safe explanation
 * @param shadow true when the rule only reports what it would have done (never enforced)
 * @param details extra facts (scores, counts), never matched text
 */
public record RuleDecision(String ruleId, String policyId, Decision decision, String reasonCode, String message, boolean shadow,
        Map<String, Object> details) {
    public RuleDecision {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(policyId, "policyId is null");
        requireNonNull(decision, "decision is null");
        requireNonNull(reasonCode, "reasonCode is null");
        requireNonNull(message, "message is null");
        details = Map.copyOf(details);
    }

    /** Whether the decision is worth reporting (anything but a plain allow). */
    public boolean fired() {
        return decision != Decision.ALLOW || shadow;
    }
}
