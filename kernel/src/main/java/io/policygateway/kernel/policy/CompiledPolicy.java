package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A policy ready to evaluate: its non-guardrail rules as checks and its guardrail rules as stages.
 *
 * @param canary the canary version, if one is being rolled out
 */
public record CompiledPolicy(String id, int version, boolean shadow, List<RuleCheck> checks, List<GuardrailStage> guardrails,
        Optional<CompiledPolicy> canary, List<String> canaryTargets, double canaryPercent) {
    public CompiledPolicy {
        requireNonNull(id, "id is null");
        checks = List.copyOf(checks);
        guardrails = List.copyOf(guardrails);
        requireNonNull(canary, "canary is null");
        canaryTargets = List.copyOf(canaryTargets);
    }

    /**
     * The version a request gets: the canary for its target label or its share of traffic (a stable
     * hash of the trace id, so retries of one request agree), else this one.
     */
    public CompiledPolicy select(Optional<String> target, String traceId) {
        if (canary.isEmpty()) {
            return this;
        }
        if (target.isPresent() && canaryTargets.contains(target.get())) {
            return canary.get();
        }
        int bucket = Math.floorMod(traceId.hashCode(), 10_000);
        return bucket < canaryPercent * 100 ? canary.get() : this;
    }

    public boolean isCanaryOf(CompiledPolicy other) {
        return other.canary().filter(candidate -> candidate == this).isPresent();
    }
}
