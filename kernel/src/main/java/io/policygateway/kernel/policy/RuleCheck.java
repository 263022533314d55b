package io.policygateway.kernel.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policygateway.api.GatewayException;
import java.util.Optional;

/**
 * A compiled non-guardrail rule (access, transformation, rate-limit, cost, data-residency,
 * audit). Instances are shared and thread-safe; per-request state goes in the returned
 * {@link Admitted}. A block is thrown as a {@link GatewayException}; the evaluation records it and,
 * for shadow rules, swallows it.
 */
public interface RuleCheck {

    PolicyRule rule();

    /**
     * Runs before the upstream call (stage request or both).
     *
     * @return what to remember for {@link Admitted#settle}, and an optional rewritten request
     */
    Admitted admit(RuleInput input) throws GatewayException;

    /** Per-request result of {@link #admit}. */
    interface Admitted {
        Admitted NOTHING = new Admitted() {
        };

        /** A rewritten request (transformation rules). */
        default Optional<ObjectNode> rewritten() {
            return Optional.empty();
        }

        /** A decision to report even though the request goes on (warn, rewrite, log-only). */
        default Optional<RuleDecision> decision() {
            return Optional.empty();
        }

        /** Called once when the request ends, with real usage (streams included); releases what was held. */
        default void settle(Outcome outcome) {
        }

        /**
         * For data-residency rules: whether a target (provider name, region if known) is allowed;
         * empty when the rule does not restrict targets.
         */
        default Optional<java.util.function.BiPredicate<String, Optional<String>>> compliance() {
            return Optional.empty();
        }
    }
}
