package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import io.policygateway.api.PolicyContext;
import io.policygateway.api.WireFormat;

/**
 * Decides which rules apply to a request and starts its evaluation. Built at start from the
 * {@code plugins:} list (applied to every request on every surface).
 */
public final class PolicyEngine {
    private final GuardrailChain global;

    public PolicyEngine(GuardrailChain global) {
        this.global = requireNonNull(global, "global is null");
    }

    public PolicyEvaluation begin(PolicyContext context, WireFormat clientFormat) {
        return new PolicyEvaluation(context, clientFormat, global);
    }
}
