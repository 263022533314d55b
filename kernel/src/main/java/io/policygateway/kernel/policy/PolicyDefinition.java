package io.policygateway.kernel.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A policy: a named, versioned set of rules — what {@code policy_id} names and a project links.
 *
 * @param id the policy id
 * @param version a number reported in events and metadata, default 1
 * @param shadow {@code mode: shadow}: every rule only reports what it would do
 * @param rules the rules in evaluation order
 * @param canary a next version rolled out to some traffic, if any
 */
public record PolicyDefinition(String id, int version, boolean shadow, List<PolicyRule> rules, Optional<Canary> canary) {
    public PolicyDefinition {
        requireNonNull(id, "id is null");
        rules = List.copyOf(rules);
        requireNonNull(canary, "canary is null");
    }

    /**
     * A canary version: requests whose {@code X-Policy-Target} is one of {@code targets}, plus
     * {@code percent}% of the others (chosen by a stable hash of the trace id), are evaluated
     * under these rules instead.
     */
    public record Canary(int version, List<PolicyRule> rules, List<String> targets, double percent) {
        public Canary {
            rules = List.copyOf(rules);
            targets = List.copyOf(targets);
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percent must be between 0 and 100");
            }
        }
    }
}
