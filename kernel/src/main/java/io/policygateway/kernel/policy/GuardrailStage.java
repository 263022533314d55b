package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.guardrail.Guardrail;
import io.policygateway.api.guardrail.Hook;
import java.time.Duration;
import java.util.Set;

/**
 * One configured guardrail in a chain.
 *
 * @param ruleId the name decisions are reported under
 * @param policyId the policy it belongs to, {@code plugins} for the {@code plugins:} list
 * @param guardrail the instance
 * @param hooks the hooks it runs at (configured stages ∩ what the guardrail supports)
 * @param failOpen whether a fault or timeout of the guardrail lets the request through
 * @param timeout how long one hook call may take
 * @param shadow report only, never enforce
 */
public record GuardrailStage(String ruleId, String policyId, Guardrail guardrail, Set<Hook> hooks, boolean failOpen,
        Duration timeout, boolean shadow) {
    public GuardrailStage {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(policyId, "policyId is null");
        requireNonNull(guardrail, "guardrail is null");
        hooks = Set.copyOf(hooks);
        requireNonNull(timeout, "timeout is null");
    }
}
