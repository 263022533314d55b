package io.policygateway.api.routing;

import java.util.List;

/**
 * Orders the candidate targets for one request. The kernel then tries them in that order,
 * applying each target's retry policy and skipping targets whose circuit breaker is open, and
 * stops at the first success. A strategy returning one target means "no fallback".
 *
 * <p>Called concurrently from request threads: implementations are thread-safe and fast (no I/O).
 */
public interface RoutingStrategy {

    /**
     * @param request what is being routed
     * @param candidates the route's targets that can serve the request (compliant with
     *     data-residency rules, serving the model), in configured order; never empty
     * @return the targets to try, in order; a subset of {@code candidates}, never empty
     */
    List<TargetView> plan(RoutingRequest request, List<TargetView> candidates);

    /**
     * Called once after {@link RoutingStrategyFactory#create} with every target configured for the
     * route (before any filtering), so a strategy can refuse config that names a target the route
     * does not have. Throw {@link io.policygateway.api.ConfigException} (from
     * {@link io.policygateway.api.PluginConfig#error}) to stop the gateway from starting.
     * Default: accepts everything.
     */
    default void validate(List<TargetView> configuredTargets) {
    }

    /** Called after each attempt, so adaptive strategies can learn. Default: nothing. */
    default void record(TargetView target, AttemptOutcome outcome) {
    }
}
